/**
 * A row of GET /auth/sessions: one of the signed-in user's own sessions. Written out here because the
 * server declares it in its routes (auth.routes.ts), not in a schemas file the web could derive it from.
 */
export interface OwnSession {
  /** The session's public id (a hash; nothing in it signs anyone in). */
  id: string;
  /** The session this browser uses. */
  current: boolean;
  createdAt: string;
  lastUsedAt: string;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
}
