import { TariffsSection } from '../modules/tariffs/public';

export function TariffsPage() {
  return <TariffsSection />;
}
