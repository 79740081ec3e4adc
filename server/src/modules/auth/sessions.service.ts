import { createHash } from 'node:crypto';
import type { Db } from '../../db/connect.js';
import { notFound } from '../../lib/errors.js';
import type { Actor } from './actor.js';
import { deleteUserSession, findUserSessions } from './auth.repository.js';

/**
 * The id a session is shown by: a hash of its stored id, so a list of sessions never carries what the
 * database keys them by, and nothing in it signs anyone in.
 */
function publicIdOf(sessionId: string): string {
  return createHash('sha256').update(`session:${sessionId}`).digest('base64url').slice(0, 22);
}

/** GET /auth/sessions: the caller's own live sessions, the one it asks from marked current. */
export async function listOwnSessions(db: Db, actor: Actor, idleMinutes: number) {
  const sessions = await findUserSessions(db, actor.userId, idleMinutes);
  return {
    items: sessions.map((session) => ({
      id: publicIdOf(session.id),
      current: session.id === actor.sessionId,
      createdAt: session.created_at.toISOString(),
      lastUsedAt: session.last_seen_at.toISOString(),
      expiresAt: session.expires_at.toISOString(),
      ip: session.ip,
      userAgent: session.user_agent,
    })),
  };
}

/** DELETE /auth/sessions/{id}: ends one of the caller's own sessions (the current one too). */
export async function endOwnSession(db: Db, actor: Actor, publicId: string, idleMinutes: number) {
  const sessions = await findUserSessions(db, actor.userId, idleMinutes);
  const session = sessions.find((candidate) => publicIdOf(candidate.id) === publicId);
  if (!session || !(await deleteUserSession(db, actor.userId, session.id))) throw notFound();
}
