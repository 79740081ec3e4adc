/* The objects feature as the rest of the app sees it. */
export { ObjectsSection } from './objects-section';
export { ObjectsTab } from './objects-tab';
