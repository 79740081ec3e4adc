import QRCode from 'qrcode';
import type { Db } from '../../db/connect.js';
import type { Clock } from '../../lib/clock.js';
import { conflict, invalid } from '../../lib/errors.js';
import { openSecret, sealSecret } from '../../lib/secret-box.js';
import { recordAuditEvents, type AuditEntityType } from '../audit/audit.public.js';
import {
  startCountedAttempt,
  type Actor,
  type LoginLimits,
  type SecondFactorCheck,
} from '../auth/auth.public.js';
import { newRecoveryCodes, recoveryCodeHash } from './recovery-codes.js';
import { isTotpCode, matchingTimeStep, newTotpSecret, otpauthUrlOf } from './totp.js';
import {
  claimTimeStep,
  disableTwoFactor,
  enableTwoFactor,
  findTwoFactor,
  savePendingSecret,
  useRecoveryCode,
} from './two-factor.repository.js';
import { inTransaction } from '../../db/transactions.js';

/** What every two-factor rule needs besides the database: the key of the secrets and the time. */
export interface TwoFactorKeys {
  secretKey: Buffer;
  clock: Clock;
}

/** A request of the signed-in user about its own two-factor sign-in. */
interface Call extends TwoFactorKeys {
  db: Db;
  actor: Actor;
  ip: string;
  limits: LoginLimits;
  requestId: string;
}

/**
 * Spends a code of the user: a TOTP code of a step after the last one used, or an unused recovery
 * code. False for anything else, so a code works once.
 */
async function spendCode(db: Db, keys: TwoFactorKeys, userId: number, sealedSecret: string, code: string) {
  if (!isTotpCode(code)) return useRecoveryCode(db, userId, recoveryCodeHash(code));
  const timeStep = matchingTimeStep(openSecret(sealedSecret, keys.secretKey), code, keys.clock());
  return timeStep !== null && claimTimeStep(db, userId, timeStep);
}

/** The sign-in's check of the second factor (auth's SecondFactorCheck), with the deployment's key and clock. */
export function secondFactorCheck(keys: TwoFactorKeys): SecondFactorCheck {
  return async (db, { userId, otp }) => {
    const row = await findTwoFactor(db, userId);
    if (!row?.secret_encrypted) return 'not_enabled';
    if (otp === undefined) return 'missing';
    return (await spendCode(db, keys, userId, row.secret_encrypted, otp)) ? 'accepted' : 'invalid';
  };
}

/**
 * Starts enrolment: a new secret, kept sealed as pending until a first code confirms it, shown as
 * text, as an otpauth:// URI and as its QR code.
 */
export async function startTwoFactorSetup(options: { db: Db; actor: Actor; secretKey: Buffer }) {
  const { db, actor } = options;
  const row = await findTwoFactor(db, actor.userId);
  if (row?.enabled_at) throw conflict('two_factor_already_enabled');
  const secret = newTotpSecret();
  await savePendingSecret(db, actor.userId, sealSecret(secret, options.secretKey));
  const otpauthUrl = otpauthUrlOf(secret, actor.login);
  const qrCode = await QRCode.toDataURL(otpauthUrl, { errorCorrectionLevel: 'M', margin: 2, width: 240 });
  return { secret, otpauthUrl, qrCode };
}

const wrongCode = () => invalid([{ field: 'code', code: 'two_factor_code_invalid' }]);

/**
 * Confirms the pending secret with a first code and turns two-factor sign-in on; answers the ten
 * recovery codes, which exist in clear only in this answer.
 */
export async function enableTwoFactorSignIn(options: Call & { code: string }) {
  const { db, actor } = options;
  const row = await findTwoFactor(db, actor.userId);
  if (row?.enabled_at) throw conflict('two_factor_already_enabled');
  const pendingSecret = row?.pending_secret_encrypted;
  if (!pendingSecret) throw conflict('two_factor_setup_missing');
  const attempt = await startCountedAttempt(db, {
    login: actor.login,
    ip: options.ip,
    limits: options.limits,
  });
  const secret = openSecret(pendingSecret, options.secretKey);
  const timeStep = isTotpCode(options.code) ? matchingTimeStep(secret, options.code, options.clock()) : null;
  if (timeStep === null) throw wrongCode();
  await attempt.succeeded();

  const recoveryCodes = newRecoveryCodes();
  await inTransaction(db, async (trx) => {
    const enabled = await enableTwoFactor(trx, {
      userId: actor.userId,
      pendingSecret,
      timeStep,
      recoveryCodeHashes: recoveryCodes.map(recoveryCodeHash),
    });
    if (!enabled) throw conflict('two_factor_setup_replaced');
    await recordTwoFactorChange(trx, options, true);
  });
  return { recoveryCodes };
}

/** Turns two-factor sign-in off; needs a code (TOTP or recovery), so a left-open session alone cannot. */
export async function disableTwoFactorSignIn(options: Call & { code: string }) {
  const { db, actor } = options;
  const row = await findTwoFactor(db, actor.userId);
  if (!row?.secret_encrypted) throw conflict('two_factor_not_enabled');
  const attempt = await startCountedAttempt(db, {
    login: actor.login,
    ip: options.ip,
    limits: options.limits,
  });
  if (!(await spendCode(db, options, actor.userId, row.secret_encrypted, options.code))) throw wrongCode();
  await attempt.succeeded();
  await inTransaction(db, async (trx) => {
    await disableTwoFactor(trx, actor.userId);
    await recordTwoFactorChange(trx, options, false);
  });
}

/*
 * History: on the user's own record, and on its partner's, whose History tab is where a partner's
 * people are seen (the actor column names who).
 */
async function recordTwoFactorChange(db: Db, options: Call, enabled: boolean) {
  const { actor } = options;
  const entities: { entityType: AuditEntityType; entityId: number }[] = [
    { entityType: 'admin_user', entityId: actor.userId },
    ...(actor.partnerId === null ? [] : [{ entityType: 'partner' as const, entityId: actor.partnerId }]),
  ];
  await recordAuditEvents(
    db,
    entities.map((entity) => ({
      ...entity,
      action: enabled ? 'two_factor_enabled' : 'two_factor_disabled',
      changes: [{ field: 'twoFactor', old: !enabled, new: enabled }],
      actor,
      requestId: options.requestId,
    })),
  );
}
