/* The API tokens feature as the rest of the app sees it: the signed-in user's API tokens page. */
export { ApiTokensSection } from './api-tokens-section';
