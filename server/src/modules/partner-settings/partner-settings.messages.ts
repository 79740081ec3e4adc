import type { MessageCatalogue } from '../../lib/messages.js';

/* The Configuration tab's field labels and the settings' error messages, in English and Russian. */
export const partnerSettingsMessages: MessageCatalogue = {
  labels: {
    en: {
      key: 'Setting',
      value: 'Value',
      settings: 'Settings',
      exportedAt: 'Exported at',
    },
    ru: {
      key: 'Настройка',
      value: 'Значение',
      settings: 'Настройки',
      exportedAt: 'Дата выгрузки',
    },
  },
  messages: {
    en: {
      setting_unknown: 'There is no setting "{key}"; choose one from the list',
      setting_unknown_field: 'This setting has no field "{name}"',
      setting_required: 'Fill in this field',
      setting_not_text: 'Must be text',
      setting_not_integer: 'Must be a whole number',
      setting_not_boolean: 'Must be true or false',
      setting_not_object: 'Must be a set of fields (a JSON object)',
      setting_enum: 'Choose one of: {allowed}',
      setting_too_long: 'Must be at most {max} characters',
      setting_out_of_range: 'Must be from {min} to {max}',
      setting_https_url: 'Enter a full https:// address, like https://support.example.com',
      setting_email: 'Enter an email address, like name@example.com',
      setting_hostname: 'Enter a host name or IP address, like smtp.example.com',
      setting_telegram_token: 'Enter the token @BotFather gave: digits, a colon, then the token',
      setting_telegram_bot_name:
        'Enter the bot username: 5 to 32 Latin letters, digits or _, ending in "bot"',
      setting_sms_sender: 'Enter up to 11 Latin letters or digits, or a phone number of up to 15 digits',
      setting_invalid_character: 'Contains a character that cannot be stored (NUL)',
      setting_network_list:
        'Enter addresses or networks separated by commas, like 10.0.0.0/8, 192.0.2.1 or 2001:db8::/32',
    },
    ru: {
      setting_unknown: 'Настройки «{key}» нет; выберите настройку из списка',
      setting_unknown_field: 'У этой настройки нет поля «{name}»',
      setting_required: 'Заполните это поле',
      setting_not_text: 'Должно быть текстом',
      setting_not_integer: 'Должно быть целым числом',
      setting_not_boolean: 'Должно быть true или false (да или нет)',
      setting_not_object: 'Должно быть набором полей (JSON-объектом)',
      setting_enum: 'Выберите одно из значений: {allowed}',
      setting_too_long: 'Не длиннее {max} символов',
      setting_out_of_range: 'Должно быть от {min} до {max}',
      setting_https_url: 'Укажите полный адрес https://, например https://support.example.com',
      setting_email: 'Укажите адрес электронной почты, например name@example.com',
      setting_hostname: 'Укажите имя сервера или IP-адрес, например smtp.example.com',
      setting_telegram_token: 'Укажите токен от @BotFather: цифры, двоеточие, затем токен',
      setting_telegram_bot_name:
        'Укажите username бота: от 5 до 32 латинских букв, цифр или _, в конце «bot»',
      setting_sms_sender: 'Укажите до 11 латинских букв или цифр либо номер телефона до 15 цифр',
      setting_invalid_character: 'Содержит символ, который нельзя сохранить (NUL)',
      setting_network_list:
        'Укажите адреса или сети через запятую, например 10.0.0.0/8, 192.0.2.1 или 2001:db8::/32',
    },
  },
};
