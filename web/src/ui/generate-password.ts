/* Letters and digits without look-alikes (0/O/o, 1/l/I/i), plus a few symbols easy to type. */
const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789-_.!';

/** A random password from the browser's cryptographic generator; 16 characters pass either policy. */
export function generatePassword(length = 16): string {
  const random = new Uint32Array(length);
  crypto.getRandomValues(random);
  return Array.from(random, (value) => alphabet[value % alphabet.length]).join('');
}
