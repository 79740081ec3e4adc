import { Type } from 'typebox';

export const TwoFactorSetup = Type.Object({
  secret: Type.String({ description: 'The shared secret in base32, for typing into an app by hand' }),
  otpauthUrl: Type.String({ description: 'The otpauth://totp/ URI the QR code holds' }),
  qrCode: Type.String({ description: 'The QR code of otpauthUrl as a data: URL (PNG)' }),
});

export const TwoFactorCode = Type.Object(
  {
    code: Type.String({
      minLength: 1,
      maxLength: 64,
      description: 'A six-digit code of the authenticator app (or, to turn it off, a recovery code)',
    }),
  },
  { additionalProperties: false },
);

export const TwoFactorEnabled = Type.Object({
  recoveryCodes: Type.Array(Type.String(), {
    description: 'Ten one-time codes for when the phone is lost; shown this once, stored only as hashes',
  }),
});
