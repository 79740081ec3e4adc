import type { SectionCatalogue } from './message-catalogue.js';

/* The billing section's field labels and error messages (billing runs). */
export const billingMessages: SectionCatalogue = {
  sections: ['billing'],
  labels: {
    en: {},
    ru: {},
  },
  messages: {
    en: {},
    ru: {},
  },
};
