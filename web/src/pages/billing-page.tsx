import { BillingSection } from '../modules/billing/public';

export function BillingPage() {
  return <BillingSection />;
}
