import { ApiTokensSection } from '../modules/api-tokens/public';

export function ApiTokensPage() {
  return <ApiTokensSection />;
}
