import { Secret, TOTP } from 'otpauth';

/*
 * TOTP (RFC 6238) as every authenticator app reads it: SHA-1, six digits, 30-second steps. A code is
 * accepted one step either side of now (±30 s of clock drift between phone and server), no further.
 */
const PERIOD_SECONDS = 30;
const DIGITS = 6;
const ISSUER = 'Fleetdesk';

function totpOf(secret: string, label = ''): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: 'SHA1',
    digits: DIGITS,
    period: PERIOD_SECONDS,
    secret: Secret.fromBase32(secret),
  });
}

/** A new random secret of 160 bits (RFC 4226's recommendation), in base32 as apps take it typed in. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI an authenticator app reads from the QR code: issuer Fleetdesk, the user's login. */
export function otpauthUrlOf(secret: string, login: string): string {
  return totpOf(secret, login).toString();
}

/** The number of the 30-second step `now` falls in. */
export function timeStepOf(now: Date): number {
  return Math.floor(now.getTime() / 1000 / PERIOD_SECONDS);
}

/** Whether the text looks like a TOTP code (six digits, spaces allowed) rather than a recovery code. */
export function isTotpCode(text: string): boolean {
  return /^\d{6}$/.test(text.replace(/\s/g, ''));
}

/**
 * The time step a code belongs to when it is right within ±1 step of `now`, else null. The caller
 * refuses a step not after the last one used, so a code works once.
 */
export function matchingTimeStep(secret: string, code: string, now: Date): number | null {
  const delta = totpOf(secret).validate({
    token: code.replace(/\s/g, ''),
    timestamp: now.getTime(),
    window: 1,
  });
  return delta === null ? null : timeStepOf(now) + delta;
}
