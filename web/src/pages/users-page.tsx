import { UsersSection } from '../modules/users/public';

export function UsersPage() {
  return <UsersSection />;
}
