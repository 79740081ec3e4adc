/* The partners module's public face: the rules a partner's form shares with contracts' and users' forms. */
export { loginPattern, PARTNER_ADMIN_PASSWORD_POLICY } from './partner-draft.js';
export { normaliseRequisites, type Requisites } from './requisites-draft.js';
