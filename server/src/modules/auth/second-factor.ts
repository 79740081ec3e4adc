import type { Db } from '../../db/connect.js';

/*
 * What the sign-in asks of two-factor sign-in. The TOTP rules live in the two-factor module, which
 * sits above auth (it writes History through audit); app.ts hands its check in, so auth imports
 * nothing above it.
 */

/** The second factor's answer for one sign-in: off for this user, a right code, none given, a wrong one. */
export type SecondFactorVerdict = 'not_enabled' | 'accepted' | 'missing' | 'invalid';

/** Checks (and spends) the one-time code or recovery code given at sign-in. */
export type SecondFactorCheck = (
  db: Db,
  options: { userId: number; otp: string | undefined },
) => Promise<SecondFactorVerdict>;
