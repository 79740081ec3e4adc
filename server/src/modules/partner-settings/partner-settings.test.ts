import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPartner, signInAsPartner, type HistoryResponseBody } from '../../../test/builders.js';
import { anonymous, expectStatus, fieldCodes, type TestClient } from '../../../test/client.js';
import { useTestAppAsRoot } from '../../../test/test-suite.js';

const { context, root } = useTestAppAsRoot({ rootLogin: 'operator' });

const SMTP_PASSWORD = 'Smtp-Secret-Pa55word';
const SMS_KEY = 'sms-api-key-0123456789abcdef';
const BOT_TOKEN = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';

const smtp = {
  host: 'smtp.example.com',
  port: 587,
  username: 'mailer',
  password: SMTP_PASSWORD,
  fromAddress: 'noreply@example.com',
  security: 'starttls',
};

/** The SMTP value without its password, as an export file holds it. */
function omitPassword(value: typeof smtp): Omit<typeof smtp, 'password'> {
  return Object.fromEntries(Object.entries(value).filter(([name]) => name !== 'password')) as Omit<
    typeof smtp,
    'password'
  >;
}

interface Item {
  key: string;
  value: unknown;
  secretsSet: string[];
  version: number;
  updatedAt: string;
}

const settingsUrl = (partnerId: number, rest = '') => `/api/v1/partners/${partnerId}/settings${rest}`;
const put = (client: TestClient, partnerId: number, key: string, body: unknown) =>
  client.request('PUT', settingsUrl(partnerId, `/${key}`), body);
const list = async (client: TestClient, partnerId: number) =>
  expectStatus<{ items: Item[] }>(await client.get(settingsUrl(partnerId)), 200).items;
const history = async (partnerId: number) =>
  expectStatus<HistoryResponseBody>(await root.get(`/api/v1/partners/${partnerId}/history`), 200).items;

describe('the catalogue', () => {
  it('lists every key with its fields and labels in both languages', async () => {
    const body = expectStatus<{ items: { key: string; shape: string; fields: unknown[] }[] }>(
      await root.get('/api/v1/reference/setting-keys'),
      200,
    );
    expect(body.items.map((item) => item.key)).toEqual([
      'support_url',
      'balance_in_days',
      'smtp',
      'sms_provider',
      'telegram_bot',
      'allowed_networks',
      'require_two_factor',
      'portal_url',
    ]);
    expect(body.items[1]).toEqual({
      key: 'balance_in_days',
      labelEn: 'Show balance in days',
      labelRu: 'Показывать баланс в днях',
      descriptionEn:
        'Besides the amount, show clients how many days their balance lasts at the current charges',
      descriptionRu:
        'Кроме суммы, показывать клиентам, на сколько дней хватит баланса при текущих начислениях',
      shape: 'scalar',
      fields: [
        {
          name: null,
          type: 'boolean',
          required: true,
          secret: false,
          labelEn: 'Show balance in days',
          labelRu: 'Показывать баланс в днях',
          descriptionEn: null,
          descriptionRu: null,
          maxLength: null,
          minimum: null,
          maximum: null,
          format: null,
          options: [],
          default: true,
        },
      ],
    });
    const smtpEntry = body.items[2]!;
    expect(smtpEntry).toMatchObject({ key: 'smtp', shape: 'object', labelEn: 'Outgoing mail (SMTP)' });
    expect(smtpEntry.fields).toEqual([
      expect.objectContaining({ name: 'host', type: 'string', required: true, format: 'hostname' }),
      expect.objectContaining({ name: 'port', type: 'integer', minimum: 1, maximum: 65535, default: 587 }),
      expect.objectContaining({ name: 'username', required: false, secret: false }),
      expect.objectContaining({ name: 'password', required: false, secret: true }),
      expect.objectContaining({ name: 'fromAddress', format: 'email' }),
      expect.objectContaining({
        name: 'security',
        type: 'enum',
        options: [
          { value: 'none', labelEn: 'None', labelRu: 'Нет' },
          { value: 'starttls', labelEn: 'STARTTLS', labelRu: 'STARTTLS' },
          { value: 'tls', labelEn: 'SSL/TLS', labelRu: 'SSL/TLS' },
        ],
      }),
    ]);
    const secrets = body.items.flatMap((item) =>
      (item.fields as { name: string; secret: boolean }[])
        .filter((field) => field.secret)
        .map((field) => `${item.key}.${field.name}`),
    );
    expect(secrets).toEqual(['smtp.password', 'sms_provider.apiKey', 'telegram_bot.botToken']);
  });

  it('needs a session', async () => {
    expect((await anonymous(context.app).get('/api/v1/reference/setting-keys')).statusCode).toBe(401);
  });
});

describe('adding, changing and deleting settings', () => {
  it('adds every key of the catalogue, returns secrets as null and names them in secretsSet', async () => {
    const partner = await createPartner(root);
    expect(await list(root, partner.id)).toEqual([]);

    const created = await put(root, partner.id, 'smtp', { value: smtp });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual({
      key: 'smtp',
      value: { ...smtp, password: null },
      secretsSet: ['password'],
      version: 1,
      updatedAt: expect.any(String),
    });
    expect(created.body).not.toContain(SMTP_PASSWORD);

    expectStatus(
      await put(root, partner.id, 'support_url', { value: ' https://help.example.com/fleet ' }),
      201,
    );
    expectStatus(await put(root, partner.id, 'balance_in_days', { value: false }), 201);
    expectStatus(
      await put(root, partner.id, 'sms_provider', {
        value: { provider: 'smsru', apiKey: SMS_KEY, sender: 'FleetDesk' },
      }),
      201,
    );
    expectStatus(
      await put(root, partner.id, 'telegram_bot', {
        value: { botToken: BOT_TOKEN, botName: '@FleetDeskBot' },
      }),
      201,
    );

    const items = await list(root, partner.id);
    expect(items).toEqual([
      {
        key: 'support_url',
        value: 'https://help.example.com/fleet',
        secretsSet: [],
        version: 1,
        updatedAt: expect.any(String),
      },
      { key: 'balance_in_days', value: false, secretsSet: [], version: 1, updatedAt: expect.any(String) },
      {
        key: 'smtp',
        value: { ...smtp, password: null },
        secretsSet: ['password'],
        version: 1,
        updatedAt: expect.any(String),
      },
      {
        key: 'sms_provider',
        value: { provider: 'smsru', login: null, apiKey: null, sender: 'FleetDesk' },
        secretsSet: ['apiKey'],
        version: 1,
        updatedAt: expect.any(String),
      },
      {
        key: 'telegram_bot',
        value: { botToken: null, botName: 'FleetDeskBot' },
        secretsSet: ['botToken'],
        version: 1,
        updatedAt: expect.any(String),
      },
    ]);
    const text = JSON.stringify(items);
    for (const secret of [SMTP_PASSWORD, SMS_KEY, BOT_TOKEN]) expect(text).not.toContain(secret);
  });

  it('changes a setting with the version read, keeping secrets the change omits', async () => {
    const partner = await createPartner(root);
    expectStatus(await put(root, partner.id, 'smtp', { value: smtp }), 201);
    const changed = await put(root, partner.id, 'smtp', {
      version: 1,
      value: { ...smtp, password: null, port: 465, security: 'tls' },
    });
    expect(expectStatus(changed, 200)).toEqual({
      key: 'smtp',
      value: { ...smtp, password: null, port: 465, security: 'tls' },
      secretsSet: ['password'],
      version: 2,
      updatedAt: expect.any(String),
    });
    // Omitted altogether: kept too.
    const withoutPassword = omitPassword(smtp);
    expectStatus(
      await put(root, partner.id, 'smtp', { version: 2, value: { ...withoutPassword, port: 2525 } }),
      200,
    );
    const [row] = await list(root, partner.id);
    expect(row).toMatchObject({ version: 3, secretsSet: ['password'], value: { port: 2525 } });
    // An empty string clears an optional secret.
    const cleared = await put(root, partner.id, 'smtp', { version: 3, value: { ...smtp, password: '' } });
    expect(expectStatus(cleared, 200)).toMatchObject({
      version: 4,
      secretsSet: [],
      value: { password: null },
    });
  });

  it('answers an unchanged value without a new version or a History line', async () => {
    const partner = await createPartner(root);
    expectStatus(await put(root, partner.id, 'balance_in_days', { value: true }), 201);
    const same = await put(root, partner.id, 'balance_in_days', { version: 1, value: true });
    expect(expectStatus(same, 200)).toMatchObject({ version: 1, value: true });
    expect((await history(partner.id)).map((item) => item.action)).toEqual(['setting_changed', 'created']);
  });

  it('refuses a stale version, a missing version on an existing setting, and a version on a missing one', async () => {
    const partner = await createPartner(root);
    expectStatus(await put(root, partner.id, 'support_url', { value: 'https://a.example.com' }), 201);
    expectStatus(
      await put(root, partner.id, 'support_url', { version: 1, value: 'https://b.example.com' }),
      200,
    );

    const stale = await put(root, partner.id, 'support_url', { version: 1, value: 'https://c.example.com' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      code: 'version_conflict',
      errors: [{ field: 'version', code: 'version_conflict' }],
    });
    const blind = await put(root, partner.id, 'support_url', { value: 'https://c.example.com' });
    expect(blind.statusCode).toBe(409);
    const missing = await put(root, partner.id, 'balance_in_days', { version: 1, value: true });
    expect(missing.statusCode).toBe(409);

    expect(await list(root, partner.id)).toEqual([
      expect.objectContaining({ key: 'support_url', value: 'https://b.example.com', version: 2 }),
    ]);
  });

  it('lets exactly one of two simultaneous writers win; the other gets 409', async () => {
    const partner = await createPartner(root);
    const adds = await Promise.all(
      ['https://one.example.com', 'https://two.example.com'].map((value) =>
        put(root, partner.id, 'support_url', { value }),
      ),
    );
    expect(adds.map((response) => response.statusCode).sort()).toEqual([201, 409]);
    const changes = await Promise.all(
      ['https://three.example.com', 'https://four.example.com'].map((value) =>
        put(root, partner.id, 'support_url', { version: 1, value }),
      ),
    );
    expect(changes.map((response) => response.statusCode).sort()).toEqual([200, 409]);
    expect(await list(root, partner.id)).toEqual([expect.objectContaining({ version: 2 })]);
  });

  it('deletes a setting; then it is gone, and a stale version or a missing key is refused', async () => {
    const partner = await createPartner(root);
    expectStatus(await put(root, partner.id, 'support_url', { value: 'https://a.example.com' }), 201);
    expectStatus(await put(root, partner.id, 'balance_in_days', { value: true }), 201);

    const stale = await root.delete(settingsUrl(partner.id, '/support_url?version=7'));
    expect(stale.statusCode).toBe(409);
    const deleted = await root.delete(settingsUrl(partner.id, '/support_url?version=1'));
    expect(deleted.statusCode).toBe(204);
    expect(deleted.body).toBe('');
    expect((await list(root, partner.id)).map((item) => item.key)).toEqual(['balance_in_days']);

    expect((await root.delete(settingsUrl(partner.id, '/support_url'))).statusCode).toBe(404);
    expect((await root.delete(settingsUrl(partner.id, '/no_such_key'))).statusCode).toBe(404);
    // Without a version it deletes whatever version is stored.
    expect((await root.delete(settingsUrl(partner.id, '/balance_in_days'))).statusCode).toBe(204);
    // Added again, it starts over at version 1.
    const again = await put(root, partner.id, 'support_url', { value: 'https://b.example.com' });
    expect(expectStatus(again, 201)).toMatchObject({ version: 1 });
  });
});

describe('validation', () => {
  let partnerId: number;
  beforeAll(async () => {
    partnerId = (await createPartner(root)).id;
  });

  it('names every invalid field of a value at once', async () => {
    const response = await put(root, partnerId, 'smtp', {
      value: {
        host: 'not a host!',
        port: 70000,
        username: 42,
        fromAddress: 'nobody',
        security: 'ssl',
        extra: true,
      },
    });
    expect(response.statusCode).toBe(400);
    expect(fieldCodes(response)).toEqual([
      'value.extra:setting_unknown_field',
      'value.host:setting_hostname',
      'value.port:setting_out_of_range',
      'value.username:setting_not_text',
      'value.fromAddress:setting_email',
      'value.security:setting_enum',
    ]);
    expect(response.json<{ errors: unknown[] }>().errors).toContainEqual({
      field: 'value.port',
      code: 'setting_out_of_range',
      message: 'Must be from 1 to 65535',
    });
    expect(await list(root, partnerId)).toEqual([]);
  });

  it.each([
    ['support_url', 'http://help.example.com', 'value:setting_https_url'],
    ['support_url', 'https://user:pw@help.example.com', 'value:setting_https_url'],
    ['support_url', 'help.example.com', 'value:setting_https_url'],
    ['support_url', '', 'value:setting_required'],
    ['support_url', 'x'.repeat(2001), 'value:setting_too_long'],
    ['support_url', 5, 'value:setting_not_text'],
    ['portal_url', 'http://portal.example.com', 'value:setting_https_url'],
    ['portal_url', '', 'value:setting_required'],
    ['balance_in_days', 'true', 'value:setting_not_boolean'],
    ['balance_in_days', null, 'value:setting_required'],
    ['smtp', 'smtp.example.com', 'value:setting_not_object'],
    ['smtp', ['smtp.example.com'], 'value:setting_not_object'],
    ['smtp', { ...smtp, port: '587' }, 'value.port:setting_not_integer'],
    ['smtp', { ...smtp, port: 25.5 }, 'value.port:setting_not_integer'],
    ['smtp', { ...smtp, host: ' ' }, 'value.host:setting_required'],
    ['sms_provider', { provider: 'smsru' }, 'value.apiKey:setting_required'],
    ['sms_provider', { provider: 'nexmo', apiKey: 'k' }, 'value.provider:setting_enum'],
    [
      'sms_provider',
      { provider: 'smsc', apiKey: 'k', sender: 'Much-too-long-sender' },
      'value.sender:setting_too_long',
    ],
    [
      'sms_provider',
      { provider: 'smsc', apiKey: 'k', sender: 'Bad*Name' },
      'value.sender:setting_sms_sender',
    ],
    ['telegram_bot', { botName: 'FleetDeskBot' }, 'value.botToken:setting_required'],
    [
      'telegram_bot',
      { botToken: 'AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw' },
      'value.botToken:setting_telegram_token',
    ],
    [
      'telegram_bot',
      { botToken: BOT_TOKEN, botName: 'fleet_desk' },
      'value.botName:setting_telegram_bot_name',
    ],
  ])('%s = %j → %s', async (key, value, expected) => {
    const response = await put(root, partnerId, key, { value });
    expect(response.statusCode).toBe(400);
    expect(fieldCodes(response)).toEqual([expected]);
  });

  it.each([
    ['smtp', { ...smtp, host: '10.0.0.25', security: 'none', username: '', password: '' }],
    ['smtp', { ...smtp, host: '[::1]', port: 65535 }],
    ['sms_provider', { provider: 'twilio', login: 'AC123', apiKey: 'token', sender: '+15005550006' }],
    ['telegram_bot', { botToken: BOT_TOKEN, botName: null }],
  ])('accepts %s = %j', async (key, value) => {
    const partner = await createPartner(root);
    expectStatus(await put(root, partner.id, key, { value }), 201);
  });

  it('refuses text holding a NUL character, which the database cannot store', async () => {
    // The request-wide check (invalid_character) or the catalogue's own (setting_invalid_character).
    const url = await put(root, partnerId, 'support_url', { value: 'https://help.example.com/\u0000' });
    expect(fieldCodes(url)).toEqual([expect.stringMatching(/^value:(setting_)?invalid_character$/)]);
    const secret = await put(root, partnerId, 'smtp', { value: { ...smtp, password: 'pass\u0000word' } });
    expect(fieldCodes(secret)).toEqual([
      expect.stringMatching(/^value\.password:(setting_)?invalid_character$/),
    ]);
  });

  it('refuses a key outside the catalogue, a missing value and unknown body fields', async () => {
    const unknown = await put(root, partnerId, 'colour', { value: 'red' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({
      code: 'validation_failed',
      errors: [
        {
          field: 'key',
          code: 'setting_unknown',
          message: 'There is no setting "colour"; choose one from the list',
        },
      ],
    });
    const shape = await put(root, partnerId, 'support_url', { valu: 'https://a.example.com', version: 0 });
    expect(fieldCodes(shape)).toEqual(['value:required', 'valu:unknown_field', 'version:out_of_range']);
  });

  it('explains the errors in Russian', async () => {
    const response = await root
      .inLocale('ru')
      .request('PUT', settingsUrl(partnerId, '/telegram_bot'), { value: { botToken: 'nope' } });
    expect(response.json<{ errors: unknown[] }>().errors).toEqual([
      {
        field: 'value.botToken',
        code: 'setting_telegram_token',
        message: 'Укажите токен от @BotFather: цифры, двоеточие, затем токен',
      },
    ]);
  });
});

describe('export and import', () => {
  it('exports a JSON file without any secret', async () => {
    const partner = await createPartner(root);
    expectStatus(
      await put(root, partner.id, 'telegram_bot', { value: { botToken: BOT_TOKEN, botName: 'AcmeBot' } }),
      201,
    );
    expectStatus(await put(root, partner.id, 'smtp', { value: smtp }), 201);
    expectStatus(await put(root, partner.id, 'support_url', { value: 'https://help.example.com' }), 201);

    const response = await root.get(settingsUrl(partner.id, '/export'));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="partner-${partner.id}-settings.json"`,
    );
    const smtpWithoutPassword = omitPassword(smtp);
    expect(response.json()).toEqual({
      format: 'fleetdesk-partner-settings',
      version: 1,
      partnerId: partner.id,
      exportedAt: expect.any(String),
      settings: {
        support_url: 'https://help.example.com',
        smtp: smtpWithoutPassword,
        telegram_bot: { botName: 'AcmeBot' },
      },
    });
    for (const secret of [SMTP_PASSWORD, BOT_TOKEN]) expect(response.body).not.toContain(secret);
    expect(
      expectStatus(await root.get(settingsUrl((await createPartner(root)).id, '/export')), 200),
    ).toMatchObject({ settings: {} });
  });

  it('imports its own export back, keeping the stored secrets, without a History line', async () => {
    const partner = await createPartner(root);
    expectStatus(await put(root, partner.id, 'smtp', { value: smtp }), 201);
    const file = expectStatus(await root.get(settingsUrl(partner.id, '/export')), 200);
    const imported = await root.post(settingsUrl(partner.id, '/import'), file);
    expect(expectStatus(imported, 200)).toEqual({
      items: [
        {
          key: 'smtp',
          value: { ...smtp, password: null },
          secretsSet: ['password'],
          version: 1,
          updatedAt: expect.any(String),
        },
      ],
    });
    expect((await history(partner.id)).map((item) => item.action)).toEqual(['setting_changed', 'created']);
  });

  it('imports into another partner: adds and changes the named keys, leaves the others', async () => {
    const partner = await createPartner(root);
    expectStatus(await put(root, partner.id, 'support_url', { value: 'https://old.example.com' }), 201);
    expectStatus(await put(root, partner.id, 'balance_in_days', { value: true }), 201);
    const response = await root.post(settingsUrl(partner.id, '/import'), {
      format: 'fleetdesk-partner-settings',
      version: 1,
      partnerId: 999999,
      exportedAt: '2026-01-01T00:00:00.000Z',
      settings: {
        support_url: 'https://new.example.com',
        smtp,
        sms_provider: { provider: 'smsc', login: 'acme', apiKey: SMS_KEY, sender: 'ACME' },
      },
    });
    const items = expectStatus<{ items: Item[] }>(response, 200).items;
    expect(items.map((item) => [item.key, item.version])).toEqual([
      ['support_url', 2],
      ['balance_in_days', 1],
      ['smtp', 1],
      ['sms_provider', 1],
    ]);
    expect(items[0]?.value).toBe('https://new.example.com');
    expect(response.body).not.toContain(SMS_KEY);
    expect(response.body).not.toContain(SMTP_PASSWORD);
  });

  it('checks every key and value first and saves nothing when any is wrong', async () => {
    const partner = await createPartner(root);
    expectStatus(await put(root, partner.id, 'support_url', { value: 'https://old.example.com' }), 201);
    const before = await list(root, partner.id);
    const response = await root.post(settingsUrl(partner.id, '/import'), {
      settings: {
        support_url: 'https://new.example.com',
        colour: 'red',
        balance_in_days: true,
        smtp: { ...smtp, port: 0, fromAddress: 'x' },
        // An export leaves the token out; a partner without a stored one cannot take it as it is.
        telegram_bot: { botName: 'AcmeBot' },
      },
    });
    expect(response.statusCode).toBe(400);
    expect(fieldCodes(response)).toEqual([
      'settings.colour:setting_unknown',
      'settings.smtp.port:setting_out_of_range',
      'settings.smtp.fromAddress:setting_email',
      'settings.telegram_bot.botToken:setting_required',
    ]);
    expect(await list(root, partner.id)).toEqual(before);
    expect((await history(partner.id)).map((item) => item.action)).toEqual(['setting_changed', 'created']);
  });

  it('refuses a file that is not a settings export', async () => {
    const partner = await createPartner(root);
    const response = await root.post(settingsUrl(partner.id, '/import'), {
      format: 'something-else',
      version: 2,
      settings: [],
      extra: 1,
    });
    expect(fieldCodes(response)).toEqual([
      'extra:unknown_field',
      'format:enum',
      'version:enum',
      'settings:type',
    ]);
    expect(fieldCodes(await root.post(settingsUrl(partner.id, '/import'), {}))).toEqual([
      'settings:required',
    ]);
  });
});

describe('history', () => {
  it('records each change with the field, old and new values, secrets masked', async () => {
    const partner = await createPartner(root);
    expectStatus(await put(root, partner.id, 'smtp', { value: smtp }), 201);
    expectStatus(
      await put(root, partner.id, 'smtp', {
        version: 1,
        value: { ...smtp, port: 465, password: 'Another-Smtp-Secret-9' },
      }),
      200,
    );
    expectStatus(await put(root, partner.id, 'balance_in_days', { value: true }), 201);
    expect((await root.delete(settingsUrl(partner.id, '/smtp'))).statusCode).toBe(204);
    expectStatus(
      await root.post(settingsUrl(partner.id, '/import'), {
        settings: { balance_in_days: false, telegram_bot: { botToken: BOT_TOKEN, botName: 'AcmeBot' } },
      }),
      200,
    );

    const items = await history(partner.id);
    expect(items.map((item) => item.action)).toEqual([
      'settings_imported',
      'setting_deleted',
      'setting_changed',
      'setting_changed',
      'setting_changed',
      'created',
    ]);
    expect(items.slice(0, 5).map((item) => item.changes)).toEqual([
      [
        { field: 'settings.balance_in_days', oldValue: true, newValue: false },
        { field: 'settings.telegram_bot.botToken', oldValue: null, newValue: '••••' },
        { field: 'settings.telegram_bot.botName', oldValue: null, newValue: 'AcmeBot' },
      ],
      [
        { field: 'settings.smtp.host', oldValue: 'smtp.example.com', newValue: null },
        { field: 'settings.smtp.port', oldValue: 465, newValue: null },
        { field: 'settings.smtp.username', oldValue: 'mailer', newValue: null },
        { field: 'settings.smtp.password', oldValue: '••••', newValue: null },
        { field: 'settings.smtp.fromAddress', oldValue: 'noreply@example.com', newValue: null },
        { field: 'settings.smtp.security', oldValue: 'starttls', newValue: null },
      ],
      [{ field: 'settings.balance_in_days', oldValue: null, newValue: true }],
      [
        { field: 'settings.smtp.port', oldValue: 587, newValue: 465 },
        { field: 'settings.smtp.password', oldValue: '••••', newValue: '••••' },
      ],
      [
        { field: 'settings.smtp.host', oldValue: null, newValue: 'smtp.example.com' },
        { field: 'settings.smtp.port', oldValue: null, newValue: 587 },
        { field: 'settings.smtp.username', oldValue: null, newValue: 'mailer' },
        { field: 'settings.smtp.password', oldValue: null, newValue: '••••' },
        { field: 'settings.smtp.fromAddress', oldValue: null, newValue: 'noreply@example.com' },
        { field: 'settings.smtp.security', oldValue: null, newValue: 'starttls' },
      ],
    ]);
    expect(items[0]?.actor).toMatchObject({ login: 'operator' });
    const text = JSON.stringify(items);
    for (const secret of [SMTP_PASSWORD, 'Another-Smtp-Secret-9', BOT_TOKEN])
      expect(text).not.toContain(secret);
  });
});

describe('who may see and change settings', () => {
  let dealer: Awaited<ReturnType<typeof createPartner>>;
  let sub: Awaited<ReturnType<typeof createPartner>>;
  let foreign: Awaited<ReturnType<typeof createPartner>>;
  let dealerAdmin: TestClient;

  beforeAll(async () => {
    dealer = await createPartner(root);
    sub = await createPartner(root, { parentId: dealer.id });
    foreign = await createPartner(root);
    expectStatus(await put(root, foreign.id, 'support_url', { value: 'https://foreign.example.com' }), 201);
    expectStatus(await put(root, dealer.id, 'support_url', { value: 'https://dealer.example.com' }), 201);
    dealerAdmin = await signInAsPartner(context.app, dealer);
  });

  it("lets a partner administrator change its own partner's settings and its sub-partners'", async () => {
    expectStatus(
      await put(dealerAdmin, dealer.id, 'support_url', { version: 1, value: 'https://own.example.com' }),
      200,
    );
    expectStatus(await put(dealerAdmin, sub.id, 'balance_in_days', { value: true }), 201);
    expect((await list(dealerAdmin, sub.id)).map((item) => item.key)).toEqual(['balance_in_days']);
    const entry = (await history(dealer.id))[0];
    expect(entry).toMatchObject({ action: 'setting_changed', actor: { login: dealer.login } });
  });

  const requests: [
    string,
    (id: number) => [method: 'GET' | 'PUT' | 'DELETE' | 'POST', url: string, body?: unknown],
  ][] = [
    ['GET settings', (id) => ['GET', settingsUrl(id)]],
    ['GET export', (id) => ['GET', settingsUrl(id, '/export')]],
    ['PUT a new key', (id) => ['PUT', settingsUrl(id, '/balance_in_days'), { value: true }]],
    [
      'PUT an existing key',
      (id) => ['PUT', settingsUrl(id, '/support_url'), { version: 1, value: 'https://x.example.com' }],
    ],
    ['PUT an unknown key', (id) => ['PUT', settingsUrl(id, '/colour'), { value: 'red' }]],
    ['PUT an invalid value', (id) => ['PUT', settingsUrl(id, '/support_url'), { value: 'http://x' }]],
    ['DELETE an existing key', (id) => ['DELETE', settingsUrl(id, '/support_url')]],
    ['DELETE a stale version', (id) => ['DELETE', settingsUrl(id, '/support_url?version=9')]],
    ['POST import', (id) => ['POST', settingsUrl(id, '/import'), { settings: { balance_in_days: true } }]],
    ['POST an invalid import', (id) => ['POST', settingsUrl(id, '/import'), { settings: { colour: 'red' } }]],
  ];

  it.each(requests)(
    '%s: a partner outside the caller subtree is 404, and nothing changes',
    async (_name, build) => {
      const before = await list(root, foreign.id);
      const historyBefore = await history(foreign.id);
      for (const id of [foreign.id, 987654321]) {
        const [method, url, body] = build(id);
        const response = await dealerAdmin.request(method, url, body);
        expect(response.statusCode, `${method} ${url}`).toBe(404);
        expect(response.json()).toEqual({
          type: '/problems/not_found',
          title: 'Not found',
          status: 404,
          code: 'not_found',
          errors: [],
          requestId: expect.any(String),
        });
      }
      // A parent partner is outside its sub-partner's subtree too.
      const subAdmin = await signInAsPartner(context.app, sub);
      const [method, url, body] = build(dealer.id);
      expect((await subAdmin.request(method, url, body)).statusCode).toBe(404);
      expect(await list(root, foreign.id)).toEqual(before);
      expect(await history(foreign.id)).toEqual(historyBefore);
    },
  );

  it.each(requests)('%s: no session is 401', async (_name, build) => {
    const [method, url, body] = build(foreign.id);
    expect((await anonymous(context.app).request(method, url, body)).statusCode).toBe(401);
  });
});

describe('random input', () => {
  it('never produces a 500 from PUT, DELETE or import', async () => {
    const partner = await createPartner(root);
    const key = fc.oneof(
      fc.constantFrom(
        'support_url',
        'balance_in_days',
        'smtp',
        'sms_provider',
        'telegram_bot',
        'constructor',
        'toString',
      ),
      fc.string({ maxLength: 70 }),
    );
    const objectOfFields = fc.dictionary(
      fc.constantFrom(
        'host',
        'port',
        'password',
        'provider',
        'apiKey',
        'botToken',
        'botName',
        'valueOf',
        'x',
      ),
      fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant('nul\u0000inside')),
    );
    const value = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      objectOfFields,
      fc.constant('https://x.example.com/\u0000'),
    );
    await fc.assert(
      fc.asyncProperty(
        key,
        value,
        fc.option(fc.integer({ min: -2, max: 3 })),
        async (name, body, version) => {
          const url = settingsUrl(partner.id, `/${encodeURIComponent(name)}`);
          const responses = [
            await root.request('PUT', url, { value: body, ...(version === null ? {} : { version }) }),
            await root.post(settingsUrl(partner.id, '/import'), { settings: { [name]: body } }),
            await root.post(settingsUrl(partner.id, '/import'), { settings: body }),
            await root.delete(version === null ? url : `${url}?version=${version}`),
          ];
          for (const response of responses) {
            expect([200, 201, 204, 400, 404, 409], response.body).toContain(response.statusCode);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('an archived partner', () => {
  it('shows its settings but refuses changes until it is restored', async () => {
    const partner = await createPartner(root);
    const url = `/api/v1/partners/${partner.id}/settings`;
    expectStatus(await root.request('PUT', `${url}/balance_in_days`, { value: true }), 201);
    expectStatus(await root.delete(`/api/v1/partners/${partner.id}`), 200);
    expect(expectStatus<{ items: Item[] }>(await root.get(url), 200).items.map((item) => item.key)).toEqual([
      'balance_in_days',
    ]);
    for (const response of [
      await root.request('PUT', `${url}/support_url`, { value: 'https://help.example.com' }),
      await root.delete(`${url}/balance_in_days`),
      await root.post(`${url}/import`, { settings: { support_url: 'https://help.example.com' } }),
    ]) {
      expect(response.statusCode, response.body).toBe(409);
      expect(response.json()).toMatchObject({ code: 'archived' });
    }
    expectStatus(await root.post(`/api/v1/partners/${partner.id}/restore`), 200);
    expectStatus(await root.request('PUT', `${url}/support_url`, { value: 'https://help.example.com' }), 201);
  });
});
