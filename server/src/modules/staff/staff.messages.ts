import type { MessageCatalogue } from '../../lib/messages.js';

/* The staff form's field labels and the staff and API tokens' error messages, in English and Russian. */
export const staffMessages: MessageCatalogue = {
  labels: {
    en: {
      partnerId: 'Partner',
      login: 'Login',
      name: 'Name',
      email: 'Email',
      password: 'Password',
      currentPassword: 'Current password',
      newPassword: 'New password',
      rights: 'Rights',
      blocked: 'Blocked',
      expiresAt: 'Expires',
    },
    ru: {
      partnerId: 'Партнёр',
      login: 'Логин',
      name: 'Имя',
      email: 'Email',
      password: 'Пароль',
      currentPassword: 'Текущий пароль',
      newPassword: 'Новый пароль',
      rights: 'Права',
      blocked: 'Заблокирован',
      expiresAt: 'Действует до',
    },
  },
  messages: {
    en: {
      administrator_not_staff:
        "This is a partner's administrator: change it on the partner's form, not as a staff user",
      staff_self_change:
        'You cannot change, block or archive your own account here; ask another administrator',
      expires_in_past: '{field} must be in the future',
      partner_unknown: '{field}: choose a partner from the list',
      token_not_found: 'No such API token',
    },
    ru: {
      administrator_not_staff:
        'Это администратор партнёра: его меняют в карточке партнёра, а не как сотрудника',
      staff_self_change:
        'Свою учётную запись здесь нельзя менять, блокировать или архивировать; обратитесь к другому администратору',
      expires_in_past: 'Поле «{field}» должно быть в будущем',
      partner_unknown: 'Поле «{field}»: выберите партнёра из списка',
      token_not_found: 'Такого API-токена нет',
    },
  },
};
