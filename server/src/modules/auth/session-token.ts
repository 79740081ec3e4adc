import { createHash, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'fd_session';
export const CSRF_HEADER = 'x-csrf-token';
/** Methods that change nothing, so they need no CSRF token (the session plugin and the API document). */
export const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);
/** A session unused this many minutes has ended (FLEETDESK_SESSION_IDLE_MINUTES). */
export const DEFAULT_SESSION_IDLE_MINUTES = 60;

/** A session lasts a working day at most; signing in again starts a new one. */
export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Sessions are stored by the hash of their cookie token, never by the token itself. */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
