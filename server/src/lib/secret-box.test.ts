import { describe, expect, it } from 'vitest';
import { developmentSecretKey, openSecret, parseSecretKey, sealSecret } from './secret-box.js';

describe('secret box', () => {
  it('seals differently each time and opens with the same key only', () => {
    const first = sealSecret('JBSWY3DPEHPK3PXP', developmentSecretKey);
    const second = sealSecret('JBSWY3DPEHPK3PXP', developmentSecretKey);
    expect(first).not.toBe(second);
    expect(first).not.toContain('JBSWY3DPEHPK3PXP');
    expect(openSecret(first, developmentSecretKey)).toBe('JBSWY3DPEHPK3PXP');
    expect(() => openSecret(first, Buffer.alloc(32, 7))).toThrow();
    // The ciphertext's first character carries six whole bits (its last may carry padding bits only).
    const parts = first.split('.');
    const ciphertext = parts[3]!;
    parts[3] = (ciphertext[0] === 'A' ? 'B' : 'A') + ciphertext.slice(1);
    expect(() => openSecret(parts.join('.'), developmentSecretKey)).toThrow();
  });

  it('reads a key as 64 hexadecimal digits or 32 bytes of base64, nothing shorter', () => {
    expect(parseSecretKey('ab'.repeat(32))?.length).toBe(32);
    expect(parseSecretKey(Buffer.alloc(32, 1).toString('base64'))?.length).toBe(32);
    expect(parseSecretKey('too short')).toBeNull();
    expect(parseSecretKey(Buffer.alloc(16, 1).toString('base64'))).toBeNull();
  });
});
