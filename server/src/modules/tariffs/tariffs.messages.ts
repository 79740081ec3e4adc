import type { MessageCatalogue } from '../../lib/messages.js';

/* The tariffs' field labels (price versions, the Price choices) and error messages, in English and Russian. */
export const tariffsMessages: MessageCatalogue = {
  labels: {
    en: {
      price: 'Price',
      period: 'Period',
      effectiveFrom: 'Effective from',
      ownerPartnerId: 'Owner partner',
      purpose: 'Purpose',
      currencies: 'Currencies',
    },
    ru: {
      price: 'Цена',
      period: 'Период',
      effectiveFrom: 'Действует с',
      ownerPartnerId: 'Партнёр-владелец',
      purpose: 'Назначение',
      currencies: 'Валюты',
    },
  },
  messages: {
    en: {
      tariff_version_exists: 'A price already starts on this date; choose another date',
      tariff_owner_forbidden: 'Only the owner of this price plan may change it',
      platform_owner_forbidden: '{field}: only the platform operator may own a platform-wide price plan',
      effective_from_past: '{field} cannot be in the past: prices already charged are never rewritten',
      tariff_not_available: '{field}: this price plan is not available to the partner',
      tariff_currency: "{field}: the price plan's currency is not one of the partner's currencies",
    },
    ru: {
      tariff_version_exists: 'С этой даты уже действует цена; выберите другую дату',
      tariff_owner_forbidden: 'Изменить тариф может только его владелец',
      platform_owner_forbidden:
        'Поле «{field}»: тариф всей платформы может создать только оператор платформы',
      effective_from_past: 'Поле «{field}» не может быть в прошлом: уже начисленные цены не переписываются',
      tariff_not_available: 'Поле «{field}»: этот тариф недоступен партнёру',
      tariff_currency: 'Поле «{field}»: валюта тарифа не входит в валюты партнёра',
    },
  },
};
