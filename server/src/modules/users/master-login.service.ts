import { conflict } from '../../lib/errors.js';
import { hashToken, newToken } from '../auth/auth.public.js';
import { recordAuditEvent } from '../audit/audit.public.js';
import { insertMasterToken } from './users.repository.js';
import { loadUser, type Call } from './users.service.js';

/** A "Log in as" token is good for this long, and once. */
const MASTER_TOKEN_LIFETIME_MS = 60_000;

/**
 * POST /users/{id}/master-login: a single-use token with which the monitoring portal lets the caller in
 * as one of its subtree's portal users ("Log in as", the seed's Master entry). Only its hash is kept;
 * the History of the user says who asked for it.
 */
export async function issueMasterLogin(options: Call & { id: number }) {
  const { db, actor, id } = options;
  const user = await loadUser(db, actor, id);
  if (user.archivedAt !== null) throw conflict('archived');
  const token = newToken();
  const expiresAt = new Date(Date.now() + MASTER_TOKEN_LIFETIME_MS);
  await db.transaction().execute(async (trx) => {
    await insertMasterToken(trx, {
      tokenHash: hashToken(token),
      portalUserId: id,
      adminUserId: actor.userId,
      adminLogin: actor.login,
      expiresAt,
    });
    await recordAuditEvent(trx, {
      entityType: 'portal_user',
      entityId: id,
      action: 'master_login_issued',
      changes: [],
      actor,
      requestId: options.requestId,
    });
  });
  return { token, expiresAt: expiresAt.toISOString() };
}
