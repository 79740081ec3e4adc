import { ContractsSection } from '../modules/contracts/contracts-section';

export function ContractsPage() {
  return <ContractsSection />;
}
