/* The sessions feature as the rest of the app sees it: the signed-in user's Sessions page. */
export { SessionsSection } from './sessions-section';
