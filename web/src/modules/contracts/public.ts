/* The contracts feature as the rest of the app sees it. */
export { ContractsSection } from './contracts-section';
export { ContractsTab } from './contracts-tab';
