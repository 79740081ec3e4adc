import type { MessageCatalogue } from '../../lib/messages.js';

/* The contracts section's field labels (its form's words) and error messages, in English and Russian. */
export const contractsMessages: MessageCatalogue = {
  labels: {
    en: {
      name: 'Name',
      email: 'Email',
      phone: 'Phone',
      balance: 'Balance',
      deposit: 'Deposit',
      iin: 'IIN',
      kpp: 'KPP',
      partnerId: 'Partner',
      currency: 'Currency',
      tariffId: 'Tariff',
      organizationType: 'Organization type',
      accountType: 'Account type',
      blockingLimit: 'Blocking limit',
      code1c: '1C code',
      active: 'Active',
      isWarehouse: 'Warehouse account',
      blocked: 'Blocked',
      userPasswordPolicy: 'User passwords',
      comment: 'Comment',
    },
    ru: {
      name: 'Наименование',
      email: 'Email',
      phone: 'Телефон',
      balance: 'Баланс',
      deposit: 'Депозит',
      iin: 'ИНН',
      kpp: 'КПП',
      partnerId: 'Партнёр',
      currency: 'Валюта',
      tariffId: 'Тариф',
      organizationType: 'Тип организации',
      accountType: 'Порядок расчётов',
      blockingLimit: 'Лимит блокировки',
      code1c: 'Код 1С',
      active: 'Активен',
      isWarehouse: 'Складской договор',
      blocked: 'Заблокирован',
      userPasswordPolicy: 'Пароли пользователей',
      comment: 'Комментарий',
    },
  },
  messages: {
    en: {
      contract_objects_tariff_unavailable:
        '{field}: objects of this contract are on a tariff the chosen partner does not sell; apply one of its tariffs to them first',
      currency_not_of_partner:
        "{field}: choose one of the partner's currencies (Currency or Additional currencies)",
      tariff_contract_currency: "{field}: the price plan's currency is not the contract's Currency",
      blocking_limit_not_allowed:
        '{field} is set only for the Postpayment (light) account type; leave it empty',
      partner_archived: "The contract's partner is archived; restore it or choose another partner first",
      contract_code1c_taken: 'This 1C code is already used by another contract',
      warehouse_exists: 'This partner already has a warehouse account; a partner has at most one',
      has_live_contracts: 'Archive or move the contracts of this partner first',
      contract_has_balance:
        'The contract still has money on its balance: settle it to 0.00 with a payment or a write-off before deleting the contract',
    },
    ru: {
      contract_objects_tariff_unavailable:
        'Поле «{field}»: объекты договора на тарифе, который выбранный партнёр не продаёт; сначала примените к ним его тариф',
      currency_not_of_partner:
        'Поле «{field}»: выберите одну из валют партнёра (основную или дополнительные)',
      tariff_contract_currency: 'Поле «{field}»: валюта тарифа не совпадает с валютой договора',
      blocking_limit_not_allowed:
        'Поле «{field}» заполняется только при порядке расчётов «Постоплата (облегчённая)»; оставьте его пустым',
      partner_archived: 'Партнёр договора в архиве; сначала восстановите его или выберите другого партнёра',
      contract_code1c_taken: 'Этот код 1С уже используется в другом договоре',
      warehouse_exists: 'У этого партнёра уже есть складской договор; у партнёра может быть только один',
      has_live_contracts: 'Сначала перенесите или отправьте в архив договоры этого партнёра',
      contract_has_balance:
        'На балансе договора ещё есть деньги: доведите баланс до 0.00 платежом или списанием, прежде чем удалять договор',
    },
  },
};
