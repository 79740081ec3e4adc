import type { SectionCatalogue } from './message-catalogue.js';

/* The contracts section's field labels (its form's words) and error messages, in English and Russian. */
export const contractsMessages: SectionCatalogue = {
  sections: ['contracts'],
  labels: {
    en: {},
    ru: {},
  },
  messages: {
    en: {},
    ru: {},
  },
};
