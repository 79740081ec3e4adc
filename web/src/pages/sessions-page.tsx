import { SessionsSection } from '../modules/sessions/public';

export function SessionsPage() {
  return <SessionsSection />;
}
