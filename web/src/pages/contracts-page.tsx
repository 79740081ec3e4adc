import { ContractsSection } from '../modules/contracts/public';

export function ContractsPage() {
  return <ContractsSection />;
}
