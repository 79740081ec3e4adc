import type { MessageCatalogue } from '../../lib/messages.js';

/* The partner form's own field labels (the seed's words) and the partners' error messages, in English and Russian. */
export const partnersMessages: MessageCatalogue = {
  labels: {
    en: {
      vatPercent: 'VAT',
      region: 'Region',
      blocked: 'Block Partner',
      usersBlocked: 'Block users of accounts partner',
      additionalCurrencies: 'Additional currencies',
      priceTariffId: 'Price',
      partnerPriceTariffId: 'Partner price',
      userPasswordPolicy: 'Password for Users',
      showUserPassword: 'Show user password',
      currentPassword: 'Current password',
    },
    ru: {
      vatPercent: 'НДС',
      region: 'Регион',
      blocked: 'Заблокировать партнёра',
      usersBlocked: 'Запретить вход пользователям договоров',
      additionalCurrencies: 'Дополнительные валюты',
      priceTariffId: 'Тариф',
      partnerPriceTariffId: 'Партнёрский тариф',
      userPasswordPolicy: 'Пароли пользователей',
      showUserPassword: 'Показывать пароли пользователей',
      currentPassword: 'Текущий пароль',
    },
  },
  messages: {
    en: {
      parent_not_found: '{field}: choose a partner from the list',
      parent_cycle: '{field} cannot be the partner itself or one of its sub-partners',
      parent_archived: 'The parent partner is archived; restore it or choose another one first',
      code1c_taken: 'This 1C Code is already used by another partner',
      field_forbidden: '{field} of your own partner can only be changed by your parent partner',
      has_live_subpartners: 'Archive or move the sub-partners of this partner first',
      subtree_tariffs_unavailable:
        'A sub-partner of this partner uses a price plan that is not available under the new parent; change it first',
      self_archive: 'You cannot archive your own partner',
      tree_search_with_parent: '{field}: leave it out when searching; a search covers your whole tree',
    },
    ru: {
      parent_not_found: 'Поле «{field}»: выберите партнёра из списка',
      parent_cycle: 'Поле «{field}» не может указывать на самого партнёра или его субпартнёра',
      parent_archived: 'Вышестоящий партнёр в архиве; сначала восстановите его или выберите другого',
      code1c_taken: 'Этот код 1С уже используется другим партнёром',
      field_forbidden: 'Поле «{field}» вашего партнёра может изменить только вышестоящий партнёр',
      has_live_subpartners: 'Сначала перенесите или отправьте в архив субпартнёров этого партнёра',
      subtree_tariffs_unavailable:
        'Субпартнёр этого партнёра использует тариф, недоступный у нового вышестоящего партнёра; сначала смените его',
      self_archive: 'Нельзя отправить в архив собственного партнёра',
      tree_search_with_parent: 'Поле «{field}» не указывается при поиске: поиск идёт по всему дереву',
    },
  },
};
