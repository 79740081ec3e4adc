import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/connect.js';
import { invalid, notFound } from '../../lib/errors.js';
import { emptyToNull } from '../../lib/text.js';
import { hashToken, type Actor } from '../auth/auth.public.js';
import { recordAuditEvent } from '../audit/audit.public.js';
import {
  findUserApiTokens,
  insertApiToken,
  revokeApiToken,
  type ApiTokenRow,
} from './api-tokens.repository.js';
import { checkGrantable } from './staff-rights.js';
import { inTransaction } from '../../db/transactions.js';

/*
 * API tokens for machine clients: `Authorization: Bearer <token>` acts as the token's owner, within
 * the token's rights that the owner still holds (auth's session plugin). The token is shown once; only
 * its sha-256 is kept (a copy of the table gives no usable token), with its first characters so a
 * person can tell tokens apart in a list.
 */

const TOKEN_PREFIX = 'fdt_';

function presentToken(row: ApiTokenRow) {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    rights: row.rights,
    expiresAt: row.expires_at?.toISOString() ?? null,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}

export async function listApiTokens(options: { db: Db; actor: Actor }) {
  return { items: (await findUserApiTokens(options.db, options.actor.userId)).map(presentToken) };
}

export async function createApiToken(options: {
  db: Db;
  actor: Actor;
  requestId: string;
  input: { name: string; rights: string[]; expiresAt?: string | null };
  now?: Date;
}) {
  const { db, actor, input } = options;
  const name = emptyToNull(input.name);
  if (name === null) throw invalid([{ field: 'name', code: 'required' }]);
  const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
  if (expiresAt !== null && expiresAt.getTime() <= (options.now ?? new Date()).getTime()) {
    throw invalid([{ field: 'expiresAt', code: 'expires_in_past' }]);
  }
  // A token holds at most what its owner holds (and, made with a token, what that token holds).
  const rights = checkGrantable(actor, input.rights);
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  const row = await inTransaction(db, async (trx) => {
    const inserted = await insertApiToken(trx, {
      token_hash: hashToken(token),
      prefix: token.slice(0, TOKEN_PREFIX.length + 6),
      user_id: actor.userId,
      name,
      rights,
      expires_at: expiresAt,
    });
    await recordAuditEvent(trx, {
      entityType: 'admin_user',
      entityId: actor.userId,
      action: 'api_token_created',
      changes: [{ field: 'apiToken', old: null, new: `${name} (${rights.join(', ')})` }],
      actor,
      requestId: options.requestId,
    });
    return inserted;
  });
  return { ...presentToken(row), token };
}

export async function deleteApiToken(options: { db: Db; actor: Actor; id: number; requestId: string }) {
  const { db, actor, id } = options;
  await inTransaction(db, async (trx) => {
    if (!(await revokeApiToken(trx, actor.userId, id))) throw notFound();
    await recordAuditEvent(trx, {
      entityType: 'admin_user',
      entityId: actor.userId,
      action: 'api_token_revoked',
      changes: [{ field: 'apiToken', old: id, new: null }],
      actor,
      requestId: options.requestId,
    });
  });
}
