import { SectionPage } from '../../ui/section-page';
import { ContractsList } from './contracts-list';

/** The Contracts section: every contract of the caller's subtree, its toolbar and the contract window. */
export function ContractsSection() {
  return (
    <SectionPage name="contracts">
      <ContractsList />
    </SectionPage>
  );
}
