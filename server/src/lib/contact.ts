import { parsePhoneNumberWithError, type CountryCode } from 'libphonenumber-js/max';

/*
 * The WHATWG HTML definition of a valid email address: what browsers accept in type=email, strict
 * enough to catch typos without refusing real addresses.
 */
const emailPattern =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/;

export function isValidEmail(text: string): boolean {
  return text.length <= 254 && emailPattern.test(text);
}

/**
 * Parses a phone number as typed and returns it in E.164 (+77011234567), or null when it is not a
 * valid number. A number without + is read in the country of the partner's region when one is known.
 */
export function normalizePhone(text: string, defaultCountry?: string | null): string | null {
  try {
    const parsed = parsePhoneNumberWithError(text, {
      defaultCountry: (defaultCountry ?? undefined) as CountryCode | undefined,
    });
    return parsed.isValid() ? parsed.number : null;
  } catch {
    return null;
  }
}
