import { createHash, randomInt } from 'node:crypto';

/*
 * Recovery codes: ten one-time codes shown once at enrolment, for when the phone is lost. Each is 16
 * characters of a 31-character alphabet (79 random bits), written xxxx-xxxx-xxxx-xxxx. They are kept as
 * SHA-256 hashes, not argon2 like passwords: a slow hash protects guessable secrets that people chose,
 * while 79 random bits cannot be brute-forced from a leaked hash anyway, and a fast hash lets the
 * sign-in find the code with one indexed lookup instead of trying ten argon2 verifications.
 */
// Letters and digits without i, l, o, 0 and 1, which are read one for another.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const CODE_LENGTH = 16;
export const RECOVERY_CODE_COUNT = 10;

function randomCode(): string {
  const characters = Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]!);
  return characters.join('').replace(/(.{4})(?!$)/g, '$1-');
}

/** Ten new recovery codes, as the user is shown them. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, randomCode);
}

/** The stored hash of a code as typed: case, spaces and hyphens do not matter. */
export function recoveryCodeHash(code: string): string {
  const normalised = code.toLowerCase().replace(/[\s-]/g, '');
  return createHash('sha256').update(normalised).digest('hex');
}
