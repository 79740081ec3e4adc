import type { SectionCatalogue } from './message-catalogue.js';

/* The users section's field labels (its form's words) and error messages, in English and Russian. */
export const usersMessages: SectionCatalogue = {
  sections: ['users', 'portal'],
  labels: {
    en: {},
    ru: {},
  },
  messages: {
    en: {},
    ru: {},
  },
};
