/*
 * The Luhn (mod 10) check digit of ISO/IEC 7812, used by IMEIs (15 digits, the last one checks the
 * other 14) and ICCIDs (19 or 20 digits). It catches every single-digit typo and most swaps of
 * neighbouring digits, which is why device and SIM numbers carry it.
 */

/** The sum of the Luhn weighting over `digits`, doubling every second digit from the right of them. */
function luhnSum(digits: string, doubleRightmost: boolean): number {
  let sum = 0;
  for (let index = digits.length - 1, double = doubleRightmost; index >= 0; index--, double = !double) {
    const digit = digits.charCodeAt(index) - 48;
    const weighted = double ? digit * 2 : digit;
    sum += weighted > 9 ? weighted - 9 : weighted;
  }
  return sum;
}

/** The check digit to append to a string of digits. */
export function luhnCheckDigit(body: string): number {
  if (!/^\d+$/.test(body)) throw new RangeError('luhnCheckDigit takes digits only');
  return (10 - (luhnSum(body, true) % 10)) % 10;
}

/** True when the string is digits only and its last digit is the Luhn check digit of the others. */
export function hasValidLuhnDigit(digits: string): boolean {
  return /^\d{2,}$/.test(digits) && luhnSum(digits, false) % 10 === 0;
}
