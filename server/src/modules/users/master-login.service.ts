import { conflict } from '../../lib/errors.js';
import { hashToken, newToken } from '../auth/auth.public.js';
import { recordAuditEvent } from '../audit/audit.public.js';
import { findSettingInForce } from '../partner-settings/partner-settings.public.js';
import { insertMasterToken } from './users.repository.js';
import { loadUser, type Call } from './users.service.js';
import { inTransaction } from '../../db/transactions.js';

/** A "Log in as" token is good for this long, and once. */
const MASTER_TOKEN_LIFETIME_MS = 60_000;

/**
 * Where the browser opens the portal: the Portal URL in force for the user's partner (its own, else
 * the nearest ancestor's) with the token as `masterToken` in its query; null when none is set.
 */
async function portalUrlFor(db: Call['db'], partnerId: number, token: string): Promise<string | null> {
  const portalUrl = await findSettingInForce(db, partnerId, 'portal_url');
  if (typeof portalUrl !== 'string') return null;
  const url = new URL(portalUrl);
  url.searchParams.set('masterToken', token);
  return url.toString();
}

/**
 * POST /users/{id}/master-login: a single-use token with which the monitoring portal lets the caller in
 * as one of its subtree's portal users ("Log in as", the seed's Master entry). Only its hash is kept;
 * the History of the user says who asked for it. The answer also holds the portal's address to open
 * with it (the partner's Portal URL setting).
 */
export async function issueMasterLogin(options: Call & { id: number }) {
  const { db, actor, id } = options;
  const user = await loadUser(db, actor, id);
  if (user.archivedAt !== null) throw conflict('archived');
  const token = newToken();
  const expiresAt = new Date(Date.now() + MASTER_TOKEN_LIFETIME_MS);
  await inTransaction(db, async (trx) => {
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
  return {
    token,
    expiresAt: expiresAt.toISOString(),
    portalUrl: await portalUrlFor(db, user.partnerId, token),
  };
}
