import { createHash } from 'node:crypto';
import type { Db } from '../../db/connect.js';
import { AppError, invalid } from '../../lib/errors.js';
import type { Actor } from '../auth/auth.public.js';
import {
  claimIdempotencyKey,
  findIdempotencyKey,
  storeIdempotentAnswer,
  type StoredAnswer,
} from './idempotency.repository.js';
import { inTransaction } from '../../db/transactions.js';

/*
 * Money requests carry an Idempotency-Key header. The key, a hash of the request body and the first
 * answer are stored in the transaction that moves the money, so a retry (a lost answer, a double
 * click) gets the first answer again and never a second transfer.
 */

const keyPattern = /^[\x21-\x7E]{1,200}$/;

/** The request's Idempotency-Key, or a 400 naming the header when it is missing or malformed. */
export function idempotencyKeyOf(headers: Record<string, string | string[] | undefined>): string {
  const value = headers['idempotency-key'];
  if (value === undefined || value === '') throw invalid([{ field: 'idempotencyKey', code: 'required' }]);
  if (typeof value !== 'string' || !keyPattern.test(value)) {
    throw invalid([{ field: 'idempotencyKey', code: 'idempotency_key_format' }]);
  }
  return value;
}

/** JSON with object keys sorted at every level: the same body always has the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function requestHash(body: unknown): string {
  return createHash('sha256')
    .update(canonicalJson(body ?? null))
    .digest('hex');
}

export interface IdempotentAnswer {
  statusCode: number;
  body: unknown;
  replayed: boolean;
}

function replay(stored: StoredAnswer, hash: string): IdempotentAnswer {
  if (stored.request_hash !== hash) throw new AppError('idempotency_key_reused', 422);
  return { statusCode: stored.status_code, body: stored.response, replayed: true };
}

/**
 * Runs `work` once per (user, endpoint, key): in one transaction it claims the key, does the work and
 * stores the answer. A request whose key is already stored gets the stored answer (same body) or 422
 * idempotency_key_reused (another body). Only successful answers are stored: a refused request may be
 * corrected and sent again with its key.
 */
export async function runIdempotent<T>(options: {
  db: Db;
  actor: Actor;
  endpoint: string;
  key: string;
  body: unknown;
  statusCode: number;
  work: (trx: Db) => Promise<T>;
}): Promise<IdempotentAnswer> {
  const scope = { userId: options.actor.userId, endpoint: options.endpoint, key: options.key };
  const hash = requestHash(options.body);
  const stored = await findIdempotencyKey(options.db, scope);
  if (stored) return replay(stored, hash);

  const outcome = await inTransaction(options.db, async (trx) => {
    if (!(await claimIdempotencyKey(trx, { ...scope, requestHash: hash })))
      return { claimed: false as const };
    const body = await options.work(trx);
    await storeIdempotentAnswer(trx, { ...scope, statusCode: options.statusCode, response: body });
    return { claimed: true as const, body };
  });
  if (outcome.claimed) return { statusCode: options.statusCode, body: outcome.body, replayed: false };
  // A concurrent request with the key committed first: its answer is the one to give.
  const winner = await findIdempotencyKey(options.db, scope);
  if (!winner) throw new Error('idempotency key vanished after a conflict');
  return replay(winner, hash);
}
