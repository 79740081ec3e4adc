import type { MessageCatalogue } from '../../lib/messages.js';

/* The portal users' field labels (the users form's words) and error messages, in English and Russian; the portal's login check shares them. */
export const usersMessages: MessageCatalogue = {
  labels: {
    en: {
      contractId: 'Contract',
      login: 'Login',
      name: 'Name',
      phone: 'Mobile phone',
      email: 'Email',
      password: 'Password',
      type: 'Type',
      blocked: 'Blocked',
      clientIp: "The user's IP address",
      masterToken: 'Log in as token',
    },
    ru: {
      contractId: 'Договор',
      login: 'Логин',
      name: 'Имя',
      phone: 'Мобильный телефон',
      email: 'Email',
      password: 'Пароль',
      type: 'Тип',
      blocked: 'Заблокирован',
      clientIp: 'IP-адрес пользователя',
      masterToken: 'Токен входа от имени пользователя',
    },
  },
  messages: {
    en: {
      ip_address: '{field} must be an IPv4 or IPv6 address, like 203.0.113.7',
      master_token_with_password: 'Send either {field} or a login and password, not both',
      master_token_invalid:
        'This Log in as token cannot be used: it was used already, its 60 seconds are over, or it was never issued',
      contract_not_found: '{field}: choose a contract from the list',
      contract_archived: 'The contract is archived; restore it or choose another one first',
      user_blocked: 'This user is blocked',
      contract_inactive: "The user's contract is not active",
      contract_blocked: "The user's contract is blocked",
      partner_users_blocked: "The users of this contract's partner are blocked",
    },
    ru: {
      ip_address: 'Поле «{field}» должно содержать адрес IPv4 или IPv6, например 203.0.113.7',
      master_token_with_password: 'Укажите либо «{field}», либо логин и пароль, но не всё вместе',
      master_token_invalid:
        'Этот токен входа от имени пользователя нельзя использовать: он уже использован, его 60 секунд истекли или он не выдавался',
      contract_not_found: 'Поле «{field}»: выберите договор из списка',
      contract_archived: 'Договор в архиве; сначала восстановите его или выберите другой',
      user_blocked: 'Пользователь заблокирован',
      contract_inactive: 'Договор пользователя не активен',
      contract_blocked: 'Договор пользователя заблокирован',
      partner_users_blocked: 'Партнёр этого договора запретил вход пользователям своих договоров',
    },
  },
};
