import { SectionPage } from '../../ui/section-page';
import { TariffsList } from './tariffs-list';

/** The Tariffs section: the tariffs the caller may see, and the tariff window with its price versions. */
export function TariffsSection() {
  return (
    <SectionPage name="tariffs">
      <TariffsList />
    </SectionPage>
  );
}
