import type { SectionCatalogue } from './message-catalogue.js';

/* The finance section's field labels and error messages (payments, write-offs, corrections, exchange rates, statements). */
export const financeMessages: SectionCatalogue = {
  sections: ['finance'],
  labels: {
    en: {},
    ru: {},
  },
  messages: {
    en: {},
    ru: {},
  },
};
