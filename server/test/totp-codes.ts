import { Secret, TOTP } from 'otpauth';

/**
 * The code an authenticator app shows for `secret` at `time` (SHA-1, six digits, 30 s): computed with
 * the same library the server checks with, at a time the test chooses.
 */
export function totpCodeAt(secret: string, time: Date): string {
  return new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({
    timestamp: time.getTime(),
  });
}

/** The time `steps` 30-second steps after `time` (before it when negative). */
export function stepsAfter(time: Date, steps: number): Date {
  return new Date(time.getTime() + steps * 30_000);
}
