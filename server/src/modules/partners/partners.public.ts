/* The partners module's public face: the rules a partner's form shares with contracts' and users' forms. */
export { loginPattern } from './partner-draft.js';
export { normaliseRequisites, type Requisites } from './requisites-draft.js';
