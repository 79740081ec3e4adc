import { rightsOfUser } from '../auth/auth.public.js';
import type { StaffRow } from './staff.repository.js';

/** The rights a listed user holds: an administrator's by its role, a staff user's as given. */
export function rightsOfStaffRow(row: Pick<StaffRow, 'role' | 'rights'>): string[] {
  return rightsOfUser(row.role, row.rights);
}
