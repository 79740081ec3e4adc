import { BillingSection } from '../modules/billing/billing-section';

export function BillingPage() {
  return <BillingSection />;
}
