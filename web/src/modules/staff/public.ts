/* The admin-panel users (staff) feature as the rest of the app sees it. */
export { StaffSection } from './staff-section';
export { StaffTab } from './staff-tab';
