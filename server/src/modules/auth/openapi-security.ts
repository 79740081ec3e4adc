import { CSRF_HEADER, SAFE_METHODS, SESSION_COOKIE } from './session-token.js';

/*
 * How a client proves who it is, as the OpenAPI document declares it. A browser signs in and rides
 * on the session cookie, repeating the session's CSRF token in a header on unsafe requests (a foreign
 * page can send the cookie but cannot read the token); a machine client sends an API token as a
 * bearer token instead, which no foreign page can make a browser send, so it needs no CSRF token.
 */
export const securitySchemes = {
  sessionCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: 'The session cookie that POST /api/v1/auth/login sets (HttpOnly, SameSite=Strict).',
  },
  csrfToken: {
    type: 'apiKey',
    in: 'header',
    name: CSRF_HEADER,
    description:
      'The csrfToken of the sign-in answer (or of GET /api/v1/auth/me), required with the session ' +
      'cookie on every POST, PATCH and DELETE; without it the answer is 403 csrf.',
  },
  bearerToken: {
    type: 'http',
    scheme: 'bearer',
    description: 'An API token: Authorization: Bearer <token>. It acts as its owner, within its rights.',
  },
} as const;

type SchemeName = keyof typeof securitySchemes;
type SecurityRequirement = Partial<Record<SchemeName, string[]>>;

/** What a signed-in route asks for: the cookie with the CSRF header, or a bearer token. */
export const signedInSecurity: SecurityRequirement[] = [
  { sessionCookie: [], csrfToken: [] },
  { bearerToken: [] },
];

/** The same for one method: GET and HEAD change nothing, so the cookie needs no CSRF header with them. */
export function signedInSecurityOf(method: string): SecurityRequirement[] {
  return SAFE_METHODS.has(method) ? [{ sessionCookie: [] }, { bearerToken: [] }] : signedInSecurity;
}
