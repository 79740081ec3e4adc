/*
 * Values in a record's history made readable. The history keeps ids and codes; it is read in the
 * person's language, with the names the record holds now.
 */
import { localizedName } from './localized-name';

/** A reference (partner, contract, tariff) named when it is the record's current one; else its number. */
export function referenceLabel(current: { id: number; name: string } | null | undefined, id: number) {
  return current?.id === id ? `${current.name} (#${id})` : `#${id}`;
}

/** A reference-book code (account type, organisation type) by its name in the person's language. */
export function codeName(
  entries: { code: string; nameEn: string; nameRu: string }[] | undefined,
  code: string,
  language: string,
) {
  const entry = entries?.find((candidate) => candidate.code === code);
  return entry ? localizedName(language, entry) : code;
}
