/*
 * The auth module's public face: who the actor is and what its role allows (policies), the partner
 * administrators' accounts and sessions that the partners module manages, and the login rate limit
 * the portal's login shares.
 */
export { rightsOfUser, scopeOf, type Actor } from './actor.js';
export {
  allRights,
  isRight,
  normaliseRights,
  PORTAL_LOGIN_RIGHT,
  rightAreas,
  rightPresets,
  type Right,
  type RouteRight,
} from './rights.js';
export { DEFAULT_SESSION_IDLE_MINUTES, newToken, sessionIdOf as hashToken } from './session-token.js';
export {
  actsForPlatform,
  checkRight,
  holdsRight,
  isAdministrator,
  isOwnPartnerAdmin,
  isSuperAdmin,
  type RouteAccess,
} from './policies.js';
export {
  deleteExpiredSessions,
  deletePartnerAdminSessions,
  deleteSessionsOfSubtree,
  findAdminPasswordHash,
  insertAdminUser,
} from './auth.repository.js';
export { portalLoginAttempts } from './login-attempts.sql.js';
export { startCountedAttempt } from './counted-attempt.js';
export type { SecondFactorCheck, SecondFactorVerdict } from './second-factor.js';
export {
  defaultLoginLimits,
  pruneLoginAttempts,
  retryAfterIfLimited,
  type LoginLimits,
} from './login-rate-limit.js';
export { securitySchemes, signedInSecurity, signedInSecurityOf } from './openapi-security.js';
