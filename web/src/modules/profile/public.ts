/* The signed-in user's own profile (two-factor sign-in) as the rest of the app sees it. */
export { ProfileSection } from './profile-section';
