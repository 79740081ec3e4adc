/* The partners feature as the rest of the app sees it. */
export { PartnersSection } from './partners-section';
