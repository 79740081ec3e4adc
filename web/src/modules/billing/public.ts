/* The billing feature as the rest of the app sees it: the super administrator's Billing page. */
export { BillingSection } from './billing-section';
