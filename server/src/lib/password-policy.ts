/**
 * The "Password for Users" policy for portal users (NIST SP 800-63B rev 4 style): length limits and
 * blocklists instead of forced character classes, plus a strength estimate (zxcvbn) for "complex".
 *
 * Decisions worth knowing:
 * - Length is counted in Unicode code points, so an emoji or a CJK character counts as one.
 * - Comparisons (blocklists, login, name) use NFKC + lower case, so "ＰＡＳＳＷＯＲＤ" is "password".
 * - "simple" refuses the 10,000 most common passwords of the zxcvbn-ts list (it is ranked by frequency);
 *   "complex" refuses all of its ~49,000 common and breached passwords.
 * - Login and name (complex only): the password may not contain the login (for an e-mail login, the
 *   part before "@", since "gmail" or "com" say nothing about the user), nor any word of the name. A
 *   word is a run of letters/digits; words shorter than 3 characters and legal-form abbreviations
 *   ("LLC", "ООО") are ignored, because forbidding "al" or "inc" would refuse good passwords.
 */
import { randomInt } from 'node:crypto';
import { createRequire } from 'node:module';

import type * as ZxcvbnCore from '@zxcvbn-ts/core';
import type * as ZxcvbnCommon from '@zxcvbn-ts/language-common';
import type * as ZxcvbnEn from '@zxcvbn-ts/language-en';

export const PASSWORD_POLICIES = ['simple', 'complex'] as const;

export type PasswordPolicy = (typeof PASSWORD_POLICIES)[number];

export const PASSWORD_ERROR_CODES = [
  'password_too_short',
  'password_too_long',
  'password_common',
  'password_weak',
  'password_contains_login',
  'password_contains_name',
] as const;

export type PasswordErrorCode = (typeof PASSWORD_ERROR_CODES)[number];

/** `min`/`max`: length limits in characters; for password_weak, `score` is the estimate and `min` the needed score. */
export type PasswordProblemParams = { min?: number; max?: number; score?: number };

export type PasswordProblem = { code: PasswordErrorCode; params: PasswordProblemParams };

export type PasswordCheckInput = {
  password: string;
  policy: PasswordPolicy;
  login?: string | null;
  name?: string | null;
};

export type PasswordOwner = { login?: string | null; name?: string | null };

export const PASSWORD_MAX_LENGTH = 128;
export const PASSWORD_MIN_LENGTH: Readonly<Record<PasswordPolicy, number>> = { simple: 8, complex: 12 };
/** The lowest zxcvbn score (0..4) a complex password may have. */
export const PASSWORD_MIN_SCORE = 3;
/** How many of the most common passwords the simple policy refuses. */
export const MOST_COMMON_PASSWORDS_COUNT = 10_000;

const GENERATED_LENGTH: Readonly<Record<PasswordPolicy, number>> = { simple: 12, complex: 16 };

// No 0/O/o, 1/l/I/i: a generated password is read off a screen once and retyped. 55 symbols give
// 5.8 bits each, so 12 characters carry ~69 bits and 16 carry ~92.
const READABLE_ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

const MIN_IDENTITY_WORD_LENGTH = 3;

// zxcvbn scores only this many leading UTF-16 units of a password (see getZxcvbn).
const ZXCVBN_MAX_LENGTH = 64;

// Legal-form abbreviations appear in company-like names but identify nobody.
const IGNORED_NAME_WORDS = new Set([
  'llc',
  'ltd',
  'inc',
  'plc',
  'gmbh',
  'ооо',
  'оао',
  'зао',
  'пао',
  'тоо',
  'ип',
]);

type Zxcvbn = InstanceType<typeof ZxcvbnCore.ZxcvbnFactory>;

type Blocklists = { mostCommon: ReadonlySet<string>; all: ReadonlySet<string> };

// The dictionaries are several megabytes and ranking them takes ~0.3 s, so they are loaded with a
// synchronous require on first use instead of a static import: importing this module stays cheap for
// every process (CLI, migrations) that never checks a password.
const require = createRequire(import.meta.url);
let zxcvbn: Zxcvbn | undefined;
let blocklists: Blocklists | undefined;

function loadCommon(): typeof ZxcvbnCommon {
  return require('@zxcvbn-ts/language-common') as typeof ZxcvbnCommon;
}

function getBlocklists(): Blocklists {
  if (blocklists === undefined) {
    const ranked = loadCommon().dictionary['passwords-common'].map(normalize);
    blocklists = { mostCommon: new Set(ranked.slice(0, MOST_COMMON_PASSWORDS_COUNT)), all: new Set(ranked) };
  }
  return blocklists;
}

function getZxcvbn(): Zxcvbn {
  if (zxcvbn === undefined) {
    const core = require('@zxcvbn-ts/core') as typeof ZxcvbnCore;
    const common = loadCommon();
    const en = require('@zxcvbn-ts/language-en') as typeof ZxcvbnEn;
    zxcvbn = new core.ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...en.dictionary },
      graphs: common.adjacencyGraphs,
      translations: en.translations,
      // zxcvbn's cost grows steeply with length and l33t variants: with its defaults a random 128-character
      // password took ~2 s of blocking CPU (Levenshtein matching ~0.3 s even for 16 characters, so it stays
      // off). Scoring the first 64 characters with at most 5 l33t substitutions keeps the worst case near
      // 0.1 s and typical passwords under 10 ms, and in our sample of l33t-spelled words it flagged 64 of
      // the 67 that the defaults flag. The price: a password whose first 64 characters are weak is
      // refused even if the rest is strong; a strong prefix stays strong whatever follows.
      maxLength: ZXCVBN_MAX_LENGTH,
      l33tMaxSubstitutions: 5,
    });
  }
  return zxcvbn;
}

function normalize(value: string): string {
  return value.normalize('NFKC').toLowerCase();
}

function codePointLength(value: string): number {
  return [...value].length;
}

function words(value: string): string[] {
  return value.split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '');
}

// The strings the password must not contain: the whole value (when long enough) and its words.
// The whole value matters only when all its words are short ("ab.cd"); otherwise a word is a substring.
function identityFragments(value: string | null | undefined, ignored: ReadonlySet<string>): string[] {
  if (value === undefined || value === null) return [];
  const whole = normalize(value).trim();
  const candidates = [whole, ...words(whole)].filter(
    (fragment) => codePointLength(fragment) >= MIN_IDENTITY_WORD_LENGTH && !ignored.has(fragment),
  );
  return [...new Set(candidates)];
}

function loginFragments(login: string | null | undefined): string[] {
  if (login === undefined || login === null) return [];
  const at = login.lastIndexOf('@');
  return identityFragments(at > 0 ? login.slice(0, at) : login, new Set());
}

function nameFragments(name: string | null | undefined): string[] {
  return identityFragments(name, IGNORED_NAME_WORDS);
}

/** Whether the password is on the policy's blocklist (case-insensitive). */
export function isCommonPassword(password: string, policy: PasswordPolicy): boolean {
  const lists = getBlocklists();
  return (policy === 'simple' ? lists.mostCommon : lists.all).has(normalize(password));
}

/** The zxcvbn strength score 0..4, with the owner's login and name counted as guessable words. */
export function passwordStrength(password: string, owner: PasswordOwner = {}): number {
  const userInputs = [...loginFragments(owner.login), ...nameFragments(owner.name)];
  return getZxcvbn().check(password, userInputs).score;
}

function problem(code: PasswordErrorCode, params: PasswordProblemParams = {}): PasswordProblem {
  return { code, params };
}

function containsAny(password: string, fragments: readonly string[]): boolean {
  const normalized = normalize(password);
  return fragments.some((fragment) => normalized.includes(fragment));
}

/** The first rule of the policy the password breaks, or null when it is acceptable. */
export function checkPassword(input: PasswordCheckInput): PasswordProblem | null {
  const { password, policy } = input;
  const length = codePointLength(password);
  const min = PASSWORD_MIN_LENGTH[policy];
  if (length > PASSWORD_MAX_LENGTH) return problem('password_too_long', { max: PASSWORD_MAX_LENGTH });
  if (length < min) return problem('password_too_short', { min });
  if (isCommonPassword(password, policy)) return problem('password_common');
  if (policy === 'simple') return null;

  if (containsAny(password, loginFragments(input.login))) return problem('password_contains_login');
  if (containsAny(password, nameFragments(input.name))) return problem('password_contains_name');
  const score = passwordStrength(password, input);
  if (score < PASSWORD_MIN_SCORE) return problem('password_weak', { score, min: PASSWORD_MIN_SCORE });
  return null;
}

function randomReadable(length: number): string {
  let password = '';
  for (let i = 0; i < length; i++) password += READABLE_ALPHABET[randomInt(READABLE_ALPHABET.length)];
  return password;
}

/** A crypto-random, readable password that satisfies the policy (and avoids the owner's login and name). */
export function generatePassword(policy: PasswordPolicy, owner: PasswordOwner = {}): string {
  // A random 12+ character string fails a rule perhaps once in thousands of draws (a name word or a
  // keyboard run inside it); retrying is simpler and exact, and 100 failures in a row means a bug.
  for (let attempt = 0; attempt < 100; attempt++) {
    const password = randomReadable(GENERATED_LENGTH[policy]);
    if (checkPassword({ password, policy, ...owner }) === null) return password;
  }
  throw new Error(`Could not generate a password for the ${policy} policy`);
}
