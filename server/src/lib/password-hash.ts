import { hash, verify, type Options } from '@node-rs/argon2';

/* argon2id with the OWASP Password Storage Cheat Sheet's first parameter set (19 MiB, 2 passes). */
// 2 is Algorithm.Argon2id, a const enum that isolated modules cannot import.
const options: Options = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/**
 * Spends the time of a real verification for a login that does not exist, so the answer's timing
 * does not tell which logins exist.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('dummy password that matches nothing');
  await verifyPassword(await dummyHash, password);
  return false;
}
