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
      effective_from_billed:
        '{field} cannot be before {earliest}: this price plan was billed up to {billedThrough}, and days already billed keep their price',
      tariff_price_started:
        'This price started on {effectiveFrom}: only a scheduled price (one that starts after today) can be deleted',
      tariff_last_price: 'A price plan keeps at least one price: add another price before deleting this one',
      tariff_not_available: '{field}: this price plan is not available to the partner',
      tariff_currency: "{field}: the price plan's currency is not one of the partner's currencies",
    },
    ru: {
      tariff_version_exists: 'С этой даты уже действует цена; выберите другую дату',
      tariff_owner_forbidden: 'Изменить тариф может только его владелец',
      platform_owner_forbidden:
        'Поле «{field}»: тариф всей платформы может создать только оператор платформы',
      effective_from_past: 'Поле «{field}» не может быть в прошлом: уже начисленные цены не переписываются',
      effective_from_billed:
        'Поле «{field}» не может быть раньше {earliest}: по этому тарифу уже начислено по {billedThrough} включительно, а начисленные дни сохраняют свою цену',
      tariff_price_started:
        'Эта цена начала действовать {effectiveFrom}: удалить можно только запланированную цену (которая начнёт действовать после сегодняшнего дня)',
      tariff_last_price: 'У тарифа должна остаться хотя бы одна цена: сначала добавьте другую цену',
      tariff_not_available: 'Поле «{field}»: этот тариф недоступен партнёру',
      tariff_currency: 'Поле «{field}»: валюта тарифа не входит в валюты партнёра',
    },
  },
};
