import { SectionPage } from '../../ui/section-page';
import { StaffList } from './staff-list';

/** The Staff section: every admin-panel user of the caller's subtree. */
export function StaffSection() {
  return (
    <SectionPage name="staff">
      <StaffList />
    </SectionPage>
  );
}
