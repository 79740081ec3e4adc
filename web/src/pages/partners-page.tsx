import { PartnersSection } from '../modules/partners/partners-section';

export function PartnersPage() {
  return <PartnersSection />;
}
