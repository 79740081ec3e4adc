import { StaffList } from './staff-list';

/** The Staff tab of a partner window: that partner's admin-panel users. */
export function StaffTab({ partnerId, partnerName }: { partnerId: number; partnerName: string }) {
  return <StaffList partner={{ id: partnerId, name: partnerName }} compact />;
}
