import { UsersSection } from '../modules/users/users-section';

export function UsersPage() {
  return <UsersSection />;
}
