import type { MessageCatalogue } from '../../lib/messages.js';

/* The ledger's error messages: what an owner's save refuses while money is held, in English and Russian. */
export const ledgerMessages: MessageCatalogue = {
  labels: {
    en: {},
    ru: {},
  },
  messages: {
    en: {
      currency_has_balance:
        '{field} cannot be changed while the balance in the current currency is not 0.00 or a Deposit is held: settle the balance to 0.00 and set the Deposit to 0.00 first',
      move_has_balance:
        '{field} cannot be changed while the balance with the current partner (or the platform) is not 0.00 or a Deposit is held: settle the balance to 0.00 and set the Deposit to 0.00 first',
    },
    ru: {
      currency_has_balance:
        'Поле «{field}» нельзя изменить, пока баланс в текущей валюте не равен 0.00 или внесён депозит: сначала доведите баланс до 0.00 и установите депозит 0.00',
      move_has_balance:
        'Поле «{field}» нельзя изменить, пока баланс с текущим партнёром (или платформой) не равен 0.00 или внесён депозит: сначала доведите баланс до 0.00 и установите депозит 0.00',
    },
  },
};
