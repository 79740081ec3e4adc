/* The portal users feature as the rest of the app sees it. */
export { UsersSection } from './users-section';
export { UsersTab } from './users-tab';
