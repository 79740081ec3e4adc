import type { MessageCatalogue } from '../../lib/messages.js';

/* The objects section's field labels (its form's words) and error messages, in English and Russian. */
export const objectsMessages: MessageCatalogue = {
  labels: {
    en: {
      name: 'Name',
      deviceId: 'Device ID or IMEI',
      deviceType: 'Device type',
      simPhone: 'SIM phone',
      sim2Phone: 'SIM 2',
      iccid: 'ICCID',
      simProvider: 'SIM provider',
      plateNumber: 'Plate number',
      active: 'Active',
      activeFrom: 'Active from',
      activeUntil: 'Active until',
      contractId: 'Contract',
      tariffId: 'Tariff',
      partnerId: 'Partner',
      effectiveFrom: 'Effective from',
      file: 'File',
    },
    ru: {
      name: 'Наименование',
      deviceId: 'ID устройства или IMEI',
      deviceType: 'Тип устройства',
      simPhone: 'Телефон SIM',
      sim2Phone: 'SIM 2',
      iccid: 'ICCID',
      simProvider: 'Оператор SIM',
      plateNumber: 'Госномер',
      active: 'Активен',
      activeFrom: 'Активен с',
      activeUntil: 'Активен по',
      contractId: 'Договор',
      tariffId: 'Тариф',
      partnerId: 'Партнёр',
      effectiveFrom: 'Действует с',
      file: 'Файл',
    },
  },
  messages: {
    en: {
      device_id_format:
        '{field} may hold letters, digits and . _ : / # - without spaces (up to 64 characters)',
      imei_checksum: '{field}: a 15-digit IMEI ends with a check digit that does not match; check the number',
      iccid_format: '{field} must have 19 or 20 digits',
      iccid_checksum: '{field}: the check digit does not match; check the number',
      device_id_taken: 'This device ID or IMEI is already connected to another object',
      device_id_taken_by:
        'This device ID or IMEI is already connected to object "{objectName}" (ID {objectId})',
      no_tariff:
        "{field}: neither the contract nor its partner or any parent partner has a tariff in the contract's currency; set the contract's Tariff or the partner's Price first",
      warehouse_move_forbidden: 'Only an administrator may move objects into or out of a warehouse account',
      move_currency_mismatch:
        "{field}: the object's tariff is in another currency than this contract; choose a contract in the same currency",
      move_tariff_unavailable:
        "{field}: the object's tariff is not one this contract's partner may sell; apply a tariff it sells to the object first",
      reprice_one_target: 'Choose either a contract or a partner, not both',
      partner_not_found: '{field}: choose a partner from the list',
      reprice_currency:
        '{field}: the tariff is not in the currency of contract "{contract}" ({currency}); choose a tariff in that currency',
      import_media_type: 'Send the file as text/csv or as an xlsx workbook (Content-Type)',
      import_unreadable: 'The file cannot be read; send a csv (UTF-8) or xlsx file',
      import_empty: 'The file has no rows; the first row must name the columns',
      import_column_missing: 'The file has no column "{field}"; its first row must name the columns',
      import_too_many_rows: 'The file has more than {max} rows; split it into smaller files',
      import_too_many_columns:
        'Row {row} of the file has more than {max} cells; keep the columns of the sample file',
      import_too_large:
        'The file takes more memory to read than an import may use; split it into smaller files',
      import_boolean: '{field} must be yes or no (true/false, 1/0)',
      import_device_duplicate: '{field} repeats the one of row {row} of the file',
      import_date: '{field} must be a date: YYYY-MM-DD or DD.MM.YYYY',
      active_from_too_early: '{field} cannot be earlier than {min} (10 years back)',
      active_from_future: '{field} cannot be later than today: the object is billed from that day',
      active_until_before_from: '{field} cannot be earlier than Active from ({activeFrom})',
      active_until_required: '{field} is required for an object that is not active: its last billed day',
      active_until_charged:
        '{field}: days up to {day} are already charged; choose {day} or later, or correct those charges in Finance',
      active_from_charged:
        '{field}: days from {day} are already charged; choose {day} or earlier, or correct those charges in Finance',
      billing_run_in_progress:
        'A billing run is charging days right now; save again when it has finished (usually within a minute)',
    },
    ru: {
      device_id_format: 'Поле «{field}»: буквы, цифры и . _ : / # - без пробелов (до 64 символов)',
      imei_checksum: 'Поле «{field}»: контрольная цифра IMEI из 15 цифр не совпадает; проверьте номер',
      iccid_format: 'Поле «{field}» должно содержать 19 или 20 цифр',
      iccid_checksum: 'Поле «{field}»: контрольная цифра не совпадает; проверьте номер',
      device_id_taken: 'Этот ID устройства или IMEI уже подключён к другому объекту',
      device_id_taken_by:
        'Этот ID устройства или IMEI уже подключён к объекту «{objectName}» (ID {objectId})',
      no_tariff:
        'Поле «{field}»: ни у договора, ни у его партнёра, ни у вышестоящих партнёров нет тарифа в валюте договора; сначала укажите тариф договора или партнёра',
      warehouse_move_forbidden:
        'Переносить объекты на складской договор и обратно может только администратор',
      move_currency_mismatch:
        'Поле «{field}»: тариф объекта в другой валюте, чем этот договор; выберите договор в той же валюте',
      move_tariff_unavailable:
        'Поле «{field}»: тариф объекта не продаёт партнёр этого договора; сначала примените к объекту его тариф',
      reprice_one_target: 'Выберите либо договор, либо партнёра, но не оба сразу',
      partner_not_found: 'Поле «{field}»: выберите партнёра из списка',
      reprice_currency:
        'Поле «{field}»: тариф не в валюте договора «{contract}» ({currency}); выберите тариф в этой валюте',
      import_media_type: 'Отправьте файл как text/csv или как книгу xlsx (Content-Type)',
      import_unreadable: 'Файл не читается; отправьте файл csv (UTF-8) или xlsx',
      import_empty: 'В файле нет строк; первая строка должна называть столбцы',
      import_column_missing: 'В файле нет столбца «{field}»; первая строка должна называть столбцы',
      import_too_many_rows: 'В файле больше {max} строк; разделите его на файлы поменьше',
      import_too_many_columns: 'В строке {row} файла больше {max} ячеек; оставьте столбцы файла-образца',
      import_too_large:
        'Для чтения файла нужно больше памяти, чем отведено на загрузку; разделите его на файлы поменьше',
      import_boolean: 'Поле «{field}» должно быть «да» или «нет» (true/false, 1/0)',
      import_device_duplicate: 'Поле «{field}» повторяет значение строки {row} файла',
      import_date: 'Поле «{field}» должно быть датой: ГГГГ-ММ-ДД или ДД.ММ.ГГГГ',
      active_from_too_early: 'Поле «{field}» не может быть раньше {min} (10 лет назад)',
      active_from_future:
        'Поле «{field}» не может быть позже сегодняшнего дня: с этого дня объект тарифицируется',
      active_until_before_from: 'Поле «{field}» не может быть раньше поля «Активен с» ({activeFrom})',
      active_until_required:
        'Поле «{field}» обязательно для неактивного объекта: последний день, за который он тарифицируется',
      active_until_charged:
        'Поле «{field}»: дни по {day} включительно уже тарифицированы; выберите {day} или позже либо исправьте эти начисления в разделе «Финансы»',
      active_from_charged:
        'Поле «{field}»: дни с {day} уже тарифицированы; выберите {day} или раньше либо исправьте эти начисления в разделе «Финансы»',
      billing_run_in_progress:
        'Сейчас идёт тарификация; сохраните ещё раз, когда она закончится (обычно в течение минуты)',
    },
  },
};
