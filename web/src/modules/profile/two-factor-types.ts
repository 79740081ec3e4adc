import type { TwoFactorEnabled, TwoFactorSetup } from '@server-schemas/two-factor/two-factor.schemas';
import type { Static } from 'typebox';

/** What a set-up answers: the new secret as text, its otpauth:// URI, and that URI's QR code (data: URL). */
export type TwoFactorSecret = Static<typeof TwoFactorSetup>;

/** What enabling answers: the ten recovery codes, this once. */
export type RecoveryCodes = Static<typeof TwoFactorEnabled>;
