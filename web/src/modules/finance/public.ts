/* The finance feature as the rest of the app sees it: the Finance tab of the partner and contract windows. */
export { FinanceTab } from './finance-tab';
