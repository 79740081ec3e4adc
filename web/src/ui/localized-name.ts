/** A reference-book entry's name in the person's language (Russian or else English). */
export const localizedName = (language: string, entry: { nameEn: string; nameRu: string }) =>
  language === 'ru' ? entry.nameRu : entry.nameEn;
