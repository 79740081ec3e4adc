import { SectionPage } from '../../ui/section-page';
import { UsersList } from './users-list';

/** The Users section: every portal user of the caller's subtree. */
export function UsersSection() {
  return (
    <SectionPage name="users">
      <UsersList />
    </SectionPage>
  );
}
