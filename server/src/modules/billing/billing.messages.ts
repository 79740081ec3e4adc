import type { MessageCatalogue } from '../../lib/messages.js';

/* The billing section's field labels and error messages (billing runs). */
export const billingMessages: MessageCatalogue = {
  labels: {
    en: {
      day: 'Day',
      from: 'From',
      to: 'To',
    },
    ru: {
      day: 'День',
      from: 'С',
      to: 'По',
    },
  },
  messages: {
    en: {
      billing_day_or_range: 'Choose one day, or a range of days with From and To, not both',
      billing_day_future: '{field} cannot be after today: a day is billed once it has begun',
      billing_range_order: '{field} cannot be before From',
      billing_range_too_long: 'A run covers at most {max} days; choose a shorter range',
      billing_issue_exchange_rate_missing:
        'No exchange rate from {from} to {to} on this day: this level was not charged; enter the rate and run the day again',
      billing_issue_price_missing:
        'The tariff “{tariffName}” has no price in force on this day: this level was not charged; add a price from this day and run the day again',
    },
    ru: {
      billing_day_or_range: 'Выберите один день или диапазон дней (поля «С» и «По»), но не то и другое сразу',
      billing_day_future:
        'Поле «{field}» не может быть позже сегодняшнего дня: день начисляется, когда он наступил',
      billing_range_order: 'Поле «{field}» не может быть раньше даты «С»',
      billing_range_too_long: 'Один запуск охватывает не больше {max} дней; выберите диапазон короче',
      billing_issue_exchange_rate_missing:
        'Нет курса из {from} в {to} на этот день: этот уровень не начислен; введите курс и запустите день снова',
      billing_issue_price_missing:
        'У тарифа «{tariffName}» нет цены, действующей в этот день: этот уровень не начислен; добавьте цену с этого дня и запустите день снова',
    },
  },
};
