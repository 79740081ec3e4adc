import { PartnersSection } from '../modules/partners/public';

export function PartnersPage() {
  return <PartnersSection />;
}
