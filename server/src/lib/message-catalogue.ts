export type Locale = 'en' | 'ru';
export type Catalogue = Record<string, string>;

/**
 * The messages of one API section (contracts, objects, users...): its error codes, and the labels of
 * its fields as its forms show them. Labels here win over the shared ones for requests to that
 * section only, so "blocked" can be "Block Partner" on a partner and "Blocked" on a portal user.
 */
export interface SectionCatalogue {
  /** The first path segment after /api/v1/ of the section's routes, e.g. "contracts". */
  sections: readonly string[];
  labels: Record<Locale, Catalogue>;
  messages: Record<Locale, Catalogue>;
}
