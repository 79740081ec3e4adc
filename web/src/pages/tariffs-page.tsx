import { TariffsSection } from '../modules/tariffs/tariffs-section';

export function TariffsPage() {
  return <TariffsSection />;
}
