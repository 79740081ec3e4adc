import type { SectionCatalogue } from './message-catalogue.js';

/* The objects section's field labels (its form's words) and error messages, in English and Russian. */
export const objectsMessages: SectionCatalogue = {
  sections: ['objects'],
  labels: {
    en: {},
    ru: {},
  },
  messages: {
    en: {},
    ru: {},
  },
};
