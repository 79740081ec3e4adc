/**
 * Tax identifiers of partners and contracts (the card's IIN and KPP fields), validated by the country of
 * the record's Region: Russia has INN + KPP, Kazakhstan has IIN/BIN, everywhere else we accept a free
 * tax number because we cannot know every country's scheme.
 *
 * Pure functions only; the caller trims input and maps problems to messages.
 */

export const TAX_ID_ERROR_CODES = [
  'inn_length',
  'inn_checksum',
  'kpp_required',
  'kpp_not_allowed',
  'kpp_without_inn',
  'kpp_format',
  'kpp_too_long',
  'iin_length',
  'iin_checksum',
  'tax_number_format',
] as const;

export type TaxIdErrorCode = (typeof TAX_ID_ERROR_CODES)[number];

export type TaxIdField = 'iin' | 'kpp';

export type TaxIdProblem = { field: TaxIdField; code: TaxIdErrorCode };

export type TaxIdInput = { country: string | null; iin?: string | null; kpp?: string | null };

/** Longest free tax number / free KPP accepted outside Russia and Kazakhstan, in code points. */
export const FREE_TAX_ID_MAX_LENGTH = 32;

const INN10_WEIGHTS = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12_WEIGHTS_11TH = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12_WEIGHTS_12TH = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const IIN_WEIGHTS_FIRST_PASS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const IIN_WEIGHTS_SECOND_PASS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

// KPP: 4 digits (tax office code), 2 digits or capital Latin letters (reason code), 3 digits (serial).
const KPP_PATTERN = /^\d{4}[\dA-Z]{2}\d{3}$/;

// Outside RU/KZ: letters of any script, digits and the separators real schemes print (Brazil's CNPJ
// "12.345.678/0001-95", Switzerland's "CHE-123.456.789"), and at least one letter or digit.
const FREE_TAX_NUMBER_PATTERN = /^[\p{L}\p{Nd} ./-]+$/u;
const HAS_LETTER_OR_DIGIT = /[\p{L}\p{Nd}]/u;

function isDigits(value: string, length: number): boolean {
  return value.length === length && /^\d+$/.test(value);
}

function weightedSum(digits: string, weights: readonly number[]): number {
  return weights.reduce((sum, weight, index) => sum + weight * Number(digits[index]), 0);
}

// The INN check digit: the weighted sum mod 11, and the residue 10 is written as 0.
function innCheckDigit(digits: string, weights: readonly number[]): number {
  return (weightedSum(digits, weights) % 11) % 10;
}

/** Check digits completing an INN body: 1 digit after 9 (legal entity), 2 digits after 10 (individual). */
export function russianInnCheckDigits(body: string): string {
  if (isDigits(body, 9)) {
    return String(innCheckDigit(body, INN10_WEIGHTS));
  }
  if (isDigits(body, 10)) {
    const eleventh = innCheckDigit(body, INN12_WEIGHTS_11TH);
    const twelfth = innCheckDigit(body + String(eleventh), INN12_WEIGHTS_12TH);
    return `${eleventh}${twelfth}`;
  }
  throw new RangeError('An INN body is 9 digits (legal entity) or 10 digits (individual)');
}

/** Whether the value is a Russian INN of 10 or 12 digits with correct check digits. */
export function isValidRussianInn(value: string): boolean {
  if (isDigits(value, 10)) {
    return russianInnCheckDigits(value.slice(0, 9)) === value.slice(9);
  }
  if (isDigits(value, 12)) {
    return russianInnCheckDigits(value.slice(0, 10)) === value.slice(10);
  }
  return false;
}

/** Whether the value has the KPP format: 4 digits, 2 digits or capital Latin letters, 3 digits. */
export function isValidRussianKpp(value: string): boolean {
  return KPP_PATTERN.test(value);
}

/** The check digit that completes an 11-digit Kazakhstan IIN/BIN body, or null when no digit can. */
export function kazakhstanIinCheckDigit(body: string): string | null {
  if (!isDigits(body, 11)) {
    throw new RangeError('An IIN/BIN body is 11 digits');
  }
  const firstPass = weightedSum(body, IIN_WEIGHTS_FIRST_PASS) % 11;
  if (firstPass !== 10) {
    return String(firstPass);
  }
  const secondPass = weightedSum(body, IIN_WEIGHTS_SECOND_PASS) % 11;
  // Residue 10 twice means the body was never issued: no 12th digit makes it valid.
  return secondPass === 10 ? null : String(secondPass);
}

/** Whether the value is a Kazakhstan IIN (individual) or BIN (organisation) of 12 digits with its check digit. */
export function isValidKazakhstanIin(value: string): boolean {
  return isDigits(value, 12) && kazakhstanIinCheckDigit(value.slice(0, 11)) === value.slice(11);
}

// The caller trims, so only null/undefined/'' mean "not given"; '  ' stays a (bad) value on purpose.
function given(value: string | null | undefined): value is string {
  return value !== undefined && value !== null && value !== '';
}

function codePointLength(value: string): number {
  return [...value].length;
}

function validateRussia(iin: string | null, kpp: string | null): TaxIdProblem[] {
  const problems: TaxIdProblem[] = [];
  if (iin !== null) {
    if (!isDigits(iin, 10) && !isDigits(iin, 12)) {
      problems.push({ field: 'iin', code: 'inn_length' });
    } else if (!isValidRussianInn(iin)) {
      problems.push({ field: 'iin', code: 'inn_checksum' });
    }
  }
  problems.push(...validateRussianKpp(iin, kpp));
  return problems;
}

// Whether a KPP is needed follows from the INN's length alone, so a mistyped check digit still gets the
// right KPP advice; with no INN or one of unknown kind we can only check the KPP's own format.
function validateRussianKpp(iin: string | null, kpp: string | null): TaxIdProblem[] {
  const legalEntity = iin !== null && isDigits(iin, 10);
  const individual = iin !== null && isDigits(iin, 12);
  if (kpp === null) {
    return legalEntity ? [{ field: 'kpp', code: 'kpp_required' }] : [];
  }
  if (iin === null) {
    return [{ field: 'kpp', code: 'kpp_without_inn' }];
  }
  if (individual) {
    return [{ field: 'kpp', code: 'kpp_not_allowed' }];
  }
  return isValidRussianKpp(kpp) ? [] : [{ field: 'kpp', code: 'kpp_format' }];
}

function validateKazakhstan(iin: string | null, kpp: string | null): TaxIdProblem[] {
  const problems: TaxIdProblem[] = [];
  if (iin !== null) {
    if (!isDigits(iin, 12)) {
      problems.push({ field: 'iin', code: 'iin_length' });
    } else if (!isValidKazakhstanIin(iin)) {
      problems.push({ field: 'iin', code: 'iin_checksum' });
    }
  }
  if (kpp !== null) {
    problems.push({ field: 'kpp', code: 'kpp_not_allowed' });
  }
  return problems;
}

function validateElsewhere(iin: string | null, kpp: string | null): TaxIdProblem[] {
  const problems: TaxIdProblem[] = [];
  if (iin !== null && !isFreeTaxNumber(iin)) {
    problems.push({ field: 'iin', code: 'tax_number_format' });
  }
  if (kpp !== null && codePointLength(kpp) > FREE_TAX_ID_MAX_LENGTH) {
    problems.push({ field: 'kpp', code: 'kpp_too_long' });
  }
  return problems;
}

function isFreeTaxNumber(value: string): boolean {
  return (
    codePointLength(value) <= FREE_TAX_ID_MAX_LENGTH &&
    FREE_TAX_NUMBER_PATTERN.test(value) &&
    HAS_LETTER_OR_DIGIT.test(value)
  );
}

/** Problems with a record's IIN and KPP under the rules of its Region's country (ISO alpha-2, or null). */
export function validateTaxIds(input: TaxIdInput): TaxIdProblem[] {
  const iin = given(input.iin) ? input.iin : null;
  const kpp = given(input.kpp) ? input.kpp : null;
  switch ((input.country ?? '').toUpperCase()) {
    case 'RU':
      return validateRussia(iin, kpp);
    case 'KZ':
      return validateKazakhstan(iin, kpp);
    default:
      return validateElsewhere(iin, kpp);
  }
}
