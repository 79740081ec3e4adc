import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/*
 * Secrets the server must read back (a two-factor secret) are kept encrypted at rest with AES-256-GCM:
 * a copy of the database or a backup alone does not give them away. The key comes from the
 * environment (FLEETDESK_SECRET_KEY), never from the database. A sealed value is
 * `v1.<iv>.<tag>.<ciphertext>` in base64url: the version lets a later key or algorithm be added.
 */

const VERSION = 'v1';
const IV_BYTES = 12;

/**
 * The key development and tests use when FLEETDESK_SECRET_KEY is unset: fixed (derived from a public
 * phrase), so a development database stays readable across restarts. It protects nothing, which is
 * why config.ts refuses to start in production without a real key.
 */
export const developmentSecretKey: Buffer = createHash('sha256')
  .update('fleetdesk development secret key: not for production')
  .digest();

/**
 * FLEETDESK_SECRET_KEY → the 32-byte key: 64 hexadecimal digits, or 32 bytes in base64
 * (`openssl rand -base64 32`). Null when the text is neither.
 */
export function parseSecretKey(text: string): Buffer | null {
  const value = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}={0,1}$/.test(value)) {
    const key = Buffer.from(value, value.includes('-') || value.includes('_') ? 'base64url' : 'base64');
    if (key.length === 32) return key;
  }
  return null;
}

/** Encrypts a text with the key; each call uses a fresh random IV, so equal texts seal differently. */
export function sealSecret(plaintext: string, key: Buffer): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

/** Whether a stored text is already sealed (an older row may hold a secret in clear). */
export function isSealed(text: string): boolean {
  return /^v1\.[\w-]+\.[\w-]+\.[\w-]*$/.test(text);
}

/** Decrypts what sealSecret made; throws when the value was altered or sealed with another key. */
export function openSecret(sealed: string, key: Buffer): string {
  const [version, iv, tag, ciphertext] = sealed.split('.');
  if (version !== VERSION || iv === undefined || tag === undefined || ciphertext === undefined) {
    throw new Error('Not a sealed secret');
  }
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString(
    'utf8',
  );
}
