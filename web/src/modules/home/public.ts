/* The home feature as the rest of the app sees it: the page a user lands on. */
export { HomeSection } from './home-section';
