import type { MessageCatalogue } from '../../lib/messages.js';

/* The reference lists' query labels, in English and Russian. */
export const referenceMessages: MessageCatalogue = {
  labels: {
    en: {
      country: 'Country',
      date: 'Date',
    },
    ru: {
      country: 'Страна',
      date: 'Дата',
    },
  },
  messages: {
    en: {},
    ru: {},
  },
};
