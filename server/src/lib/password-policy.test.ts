import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { PasswordCheckInput, PasswordErrorCode, PasswordPolicy } from './password-policy.js';
import {
  PASSWORD_ERROR_CODES,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  PASSWORD_MIN_SCORE,
  checkPassword,
  generatePassword,
  isCommonPassword,
  passwordStrength,
} from './password-policy.js';

const simple = (password: string) => checkPassword({ password, policy: 'simple' });
const complex = (password: string, owner: Omit<PasswordCheckInput, 'password' | 'policy'> = {}) =>
  checkPassword({ password, policy: 'complex', ...owner });

// Strong for zxcvbn and free of any name word used below.
const STRONG = 'vq7-Rambling-Otter-Zest';

describe('length', () => {
  it.each<[PasswordPolicy, number]>([
    ['simple', 8],
    ['complex', 12],
  ])('%s needs at least %i characters', (policy, min) => {
    expect(PASSWORD_MIN_LENGTH[policy]).toBe(min);
    expect(checkPassword({ password: 'short', policy })).toEqual({
      code: 'password_too_short',
      params: { min },
    });
    expect(checkPassword({ password: '', policy })).toEqual({ code: 'password_too_short', params: { min } });
  });

  it('accepts exactly the minimum', () => {
    expect(simple('kq8vbwtz')).toBeNull();
    expect(simple('kq8vbwt')).toEqual({ code: 'password_too_short', params: { min: 8 } });
    expect(complex('kq8vbwtzR4mx')).toBeNull();
    expect(complex('kq8vbwtzR4m')).toEqual({ code: 'password_too_short', params: { min: 12 } });
  });

  it.each<PasswordPolicy>(['simple', 'complex'])('%s refuses more than 128 characters', (policy) => {
    expect(checkPassword({ password: 'x'.repeat(130), policy })).toEqual({
      code: 'password_too_long',
      params: { max: 128 },
    });
    expect(checkPassword({ password: 'x'.repeat(129), policy })?.code).toBe('password_too_long');
  });

  it('accepts exactly 128 characters', () => {
    const password = 'Kq8v-bwtz-R4mx-'.repeat(9).slice(0, PASSWORD_MAX_LENGTH);
    expect(password).toHaveLength(128);
    expect(simple(password)).toBeNull();
    expect(complex(password)).toBeNull();
  });

  it('counts code points, not UTF-16 units', () => {
    const emoji = '🦊'; // one code point, two UTF-16 units
    expect(simple(emoji.repeat(4))).toEqual({ code: 'password_too_short', params: { min: 8 } });
    expect(simple(emoji.repeat(8))).toBeNull();
    expect(simple(emoji.repeat(128))).toBeNull();
    expect(simple(emoji.repeat(129))).toEqual({ code: 'password_too_long', params: { max: 128 } });
  });

  it('checks the length before anything else', () => {
    expect(simple('123456')).toEqual({ code: 'password_too_short', params: { min: 8 } });
    expect(complex('password')).toEqual({ code: 'password_too_short', params: { min: 12 } });
  });
});

describe('common passwords', () => {
  it.each(['password', 'PASSWORD', 'Password', '12345678', 'iloveyou', 'qwertyuiop', 'trustno1', 'p@ssw0rd'])(
    'simple refuses %j',
    (password) => {
      expect(simple(password)).toEqual({ code: 'password_common', params: {} });
    },
  );

  it('compares after Unicode compatibility normalisation', () => {
    expect(simple('ｐａｓｓｗｏｒｄ')).toEqual({ code: 'password_common', params: {} });
  });

  it.each(['qwerty123456', '1qaz2wsx3edc', 'qazwsxedcrfv', 'administrator', 'LeaveMeAlone'])(
    'complex refuses %j',
    (password) => {
      expect(complex(password)).toEqual({ code: 'password_common', params: {} });
    },
  );

  it('simple refuses only the most common passwords; complex refuses the whole list', () => {
    // '25021983' is on the list, but far below the 10,000 most common.
    expect(isCommonPassword('25021983', 'complex')).toBe(true);
    expect(isCommonPassword('25021983', 'simple')).toBe(false);
    expect(simple('25021983')).toBeNull();
    expect(isCommonPassword('password', 'simple')).toBe(true);
  });

  it('does not treat an unusual password as common', () => {
    expect(isCommonPassword(STRONG, 'complex')).toBe(false);
  });
});

describe('the complex policy', () => {
  it.each([
    'correct horse battery staple',
    'purple monkey dishwasher',
    'tiger lamp oven velvet',
    'Tr0ub4dor&3 is not enough',
    'мой кот любит сырники',
    STRONG,
  ])('accepts the strong %j', (password) => {
    expect(complex(password)).toBeNull();
  });

  it.each([
    ['aaaaaaaaaaaaaaa', 0],
    ['januaryfebruary', 0],
    ['abcdefghijklmn', 0],
    ['passw0rd!!!!', 1],
  ])('refuses the weak %j with its score', (password, score) => {
    expect(complex(password)).toEqual({ code: 'password_weak', params: { score, min: PASSWORD_MIN_SCORE } });
  });

  it('does not force character classes', () => {
    expect(complex('correct horse battery staple')).toBeNull(); // lower case and spaces only
    expect(complex('8305 1749 2266 0391')).toBeNull(); // digits and spaces only
  });

  it('refuses the login, case-insensitively', () => {
    expect(complex('MyLogin-Zest-Otter-91', { login: 'mylogin' })).toEqual({
      code: 'password_contains_login',
      params: {},
    });
    expect(complex('xx-JSMITH-otter-zest', { login: 'jsmith' })?.code).toBe('password_contains_login');
  });

  it('refuses any word of the login, and for an e-mail login only its local part', () => {
    const login = 'ivan.petrov@acme.com';
    expect(complex('otter-petrov-zest-91', { login })?.code).toBe('password_contains_login');
    expect(complex('otter-ivan-zest-9182', { login })?.code).toBe('password_contains_login');
    expect(complex(`${STRONG}-acme.com`, { login })).toBeNull();
  });

  it('ignores login words shorter than 3 characters unless the whole login is longer', () => {
    expect(complex(`${STRONG}-ab`, { login: 'ab' })).toBeNull();
    expect(complex(`${STRONG}-ab`, { login: 'ab.cd' })).toBeNull();
    expect(complex(`${STRONG}-ab.cd`, { login: 'ab.cd' })?.code).toBe('password_contains_login');
  });

  it('refuses any word of the name of 3 or more characters, case-insensitively', () => {
    const name = 'Анна-Мария Ли';
    expect(complex(`${STRONG}-анна`, { name })).toEqual({ code: 'password_contains_name', params: {} });
    expect(complex(`${STRONG}-МАРИЯ`, { name })?.code).toBe('password_contains_name');
    expect(complex(`${STRONG}-ли`, { name })).toBeNull();
  });

  it('ignores legal-form words in the name', () => {
    expect(complex(`${STRONG}-inc`, { name: 'Globex Inc' })).toBeNull();
    expect(complex(`${STRONG}-ооо`, { name: 'ООО Ромашка' })).toBeNull();
    expect(complex(`${STRONG}-ромашка`, { name: 'ООО Ромашка' })?.code).toBe('password_contains_name');
  });

  it('treats missing or empty login and name as nothing to avoid', () => {
    for (const value of [null, undefined, '', '  ', '@']) {
      expect(complex(STRONG, { login: value, name: value })).toBeNull();
    }
  });

  it('reports the first failing rule: too_long, too_short, common, login, name, weak', () => {
    const owner = { login: 'password', name: 'Password Person' };
    expect(complex('password'.repeat(17), owner)?.code).toBe('password_too_long');
    expect(complex('password', owner)?.code).toBe('password_too_short');
    expect(complex('password1234', owner)?.code).toBe('password_common');
    expect(complex('passwordperson', owner)?.code).toBe('password_contains_login');
    expect(complex('personpersonperson', owner)?.code).toBe('password_contains_name');
    expect(complex('aaaaaaaaaaaaaaa', owner)?.code).toBe('password_weak');
  });

  it('applies login, name and strength only to the complex policy', () => {
    expect(
      checkPassword({ password: 'jsmith2000!', policy: 'simple', login: 'jsmith', name: 'J Smith' }),
    ).toBeNull();
    expect(simple('aaaaaaaaaaaa')).toBeNull();
  });

  it('counts the login and name as guessable words when scoring', () => {
    const password = 'Zanzibar-Quixote';
    expect(passwordStrength(password)).toBeGreaterThanOrEqual(PASSWORD_MIN_SCORE);
    // With the words as user inputs the same password is cheaper to guess.
    expect(passwordStrength(password, { name: 'Zanzibar Quixote' })).toBeLessThan(passwordStrength(password));
  });
});

describe('generatePassword', () => {
  it.each<[PasswordPolicy, number]>([
    ['simple', 12],
    ['complex', 16],
  ])('%s: 200 passwords of %i readable characters all pass the policy', (policy, length) => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const password = generatePassword(policy);
      expect(password).toMatch(new RegExp(`^[a-km-zA-HJ-NP-Z2-9]{${length}}$`));
      expect(password).not.toMatch(/[0O1lIio]/);
      expect(checkPassword({ password, policy })).toBeNull();
      seen.add(password);
    }
    expect(seen.size).toBe(200);
  });

  it('avoids the owner login and name when given', () => {
    const owner = { login: 'abc', name: 'Xyz Qrs' };
    for (let i = 0; i < 50; i++) {
      expect(
        checkPassword({ password: generatePassword('complex', owner), policy: 'complex', ...owner }),
      ).toBeNull();
    }
  });
});

describe('properties', () => {
  it('simple accepts any 8-128 code points that are not common', () => {
    // Whole code points (no lone surrogates, which could pair up and change the count).
    const codePoint = fc
      .oneof(fc.integer({ min: 0, max: 0xd7ff }), fc.integer({ min: 0xe000, max: 0x10ffff }))
      .map((c) => String.fromCodePoint(c));
    const password = fc
      .array(codePoint, { minLength: 8, maxLength: 128 })
      .map((chars) => chars.join(''))
      .filter((p) => !isCommonPassword(p, 'simple'));
    fc.assert(fc.property(password, (p) => simple(p) === null));
  });

  it('simple refuses every password from the most common ones that is long enough', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('password', 'iloveyou', 'sunshine', 'princess', 'football'),
        fc.boolean(),
        (p, up) => isCommonPassword(up ? p.toUpperCase() : p, 'simple'),
      ),
    );
  });

  it('every policy gives a known code or null for any input', () => {
    const input = fc.record({
      password: fc.string({ unit: 'grapheme', maxLength: 140 }),
      policy: fc.constantFrom<PasswordPolicy>('simple', 'complex'),
      login: fc.option(fc.string({ maxLength: 12 })),
      name: fc.option(fc.string({ maxLength: 20 })),
    });
    fc.assert(
      fc.property(input, (i) => {
        const result = checkPassword(i);
        return result === null || PASSWORD_ERROR_CODES.includes(result.code);
      }),
      { numRuns: 60 },
    );
  });
});

describe('error codes', () => {
  const reachedBy: Record<PasswordErrorCode, PasswordCheckInput> = {
    password_too_short: { password: 'short', policy: 'simple' },
    password_too_long: { password: 'x'.repeat(130), policy: 'simple' },
    password_common: { password: 'password', policy: 'simple' },
    password_weak: { password: 'aaaaaaaaaaaaaaa', policy: 'complex' },
    password_contains_login: { password: `${STRONG}-jsmith`, policy: 'complex', login: 'jsmith' },
    password_contains_name: { password: `${STRONG}-smith`, policy: 'complex', name: 'John Smith' },
  };

  it.each(PASSWORD_ERROR_CODES.map((code) => [code]))('%s is reachable', (code) => {
    expect(checkPassword(reachedBy[code])?.code).toBe(code);
  });

  it('lists every code once', () => {
    expect(new Set(PASSWORD_ERROR_CODES).size).toBe(PASSWORD_ERROR_CODES.length);
    expect(Object.keys(reachedBy).sort()).toEqual([...PASSWORD_ERROR_CODES].sort());
  });
});
