import { StaffSection } from '../modules/staff/public';

export function StaffPage() {
  return <StaffSection />;
}
