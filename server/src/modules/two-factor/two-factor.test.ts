import { beforeAll, describe, expect, it } from 'vitest';
import {
  createPartner,
  PARTNER_PASSWORD,
  signInAsPartner,
  type CreatedPartner,
} from '../../../test/builders.js';
import { anonymous, expectStatus, fieldCodes, type TestClient } from '../../../test/client.js';
import { useTestAppAsRoot } from '../../../test/test-suite.js';
import { stepsAfter, totpCodeAt } from '../../../test/totp-codes.js';

/*
 * Two-factor sign-in of one partner administrator, against a clock the test holds: codes are computed
 * for chosen times, never waited for.
 */
const clock = { now: new Date('2026-03-02T10:00:05Z') };
const { context, root } = useTestAppAsRoot({ rootLogin: 'tf-operator', clock: () => clock.now });
let partner: CreatedPartner;
let client: TestClient;
let userId: number;
let secret: string;
let recoveryCodes: string[];

beforeAll(async () => {
  partner = await createPartner(root);
  client = await signInAsPartner(context.app, partner);
  const user = await db()
    .selectFrom('admin_users')
    .select('id')
    .where('login', '=', partner.login)
    .executeTakeFirstOrThrow();
  userId = user.id;
});

const db = () => context.database.db;
const logIn = (otp?: string, password = PARTNER_PASSWORD) =>
  anonymous(context.app).post('/api/v1/auth/login', {
    login: partner.login,
    password,
    ...(otp === undefined ? {} : { otp }),
  });
const codeAt = (steps: number) => totpCodeAt(secret, stepsAfter(clock.now, steps));
const twoFactorRow = () =>
  db().selectFrom('admin_two_factor').selectAll().where('user_id', '=', userId).executeTakeFirst();

describe('enrolment', () => {
  it('shows a new secret as text, otpauth:// URI and QR code, and keeps it only encrypted', async () => {
    const setup = expectStatus<{ secret: string; otpauthUrl: string; qrCode: string }>(
      await client.post('/api/v1/auth/two-factor/setup'),
      200,
    );
    secret = setup.secret;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(setup.otpauthUrl).toBe(
      `otpauth://totp/Fleetdesk:${encodeURIComponent(partner.login)}?issuer=Fleetdesk&secret=${secret}&algorithm=SHA1&digits=6&period=30`,
    );
    expect(setup.qrCode).toMatch(/^data:image\/png;base64,/);
    const row = await twoFactorRow();
    expect(row).toMatchObject({ secret_encrypted: null, enabled_at: null });
    expect(row?.pending_secret_encrypted).toMatch(/^v1\./);
    expect(JSON.stringify(row)).not.toContain(secret);
  });

  it('is not turned on by a wrong code, then is by the current one, answering ten recovery codes', async () => {
    const wrong = await client.post('/api/v1/auth/two-factor/enable', { code: codeAt(3) });
    expect(wrong.statusCode).toBe(400);
    expect(fieldCodes(wrong)).toEqual(['code:two_factor_code_invalid']);

    const enabled = expectStatus<{ recoveryCodes: string[] }>(
      await client.post('/api/v1/auth/two-factor/enable', { code: codeAt(0) }),
      200,
    );
    recoveryCodes = enabled.recoveryCodes;
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);

    const me = expectStatus(await client.get('/api/v1/auth/me'), 200);
    expect(me.twoFactor).toEqual({ enabled: true, required: false });
  });

  it('stores the secret encrypted and the recovery codes hashed, never in clear', async () => {
    const row = await twoFactorRow();
    expect(row?.secret_encrypted).toMatch(/^v1\./);
    expect(row?.pending_secret_encrypted).toBeNull();
    const stored = await db()
      .selectFrom('admin_recovery_codes')
      .selectAll()
      .where('user_id', '=', userId)
      .execute();
    expect(stored).toHaveLength(10);
    const text = JSON.stringify([row, stored]);
    expect(text).not.toContain(secret);
    for (const code of recoveryCodes) {
      expect(text).not.toContain(code);
      expect(text).not.toContain(code.replaceAll('-', ''));
    }
  });

  it('is written to History, on the user and on its partner', async () => {
    const events = await db()
      .selectFrom('audit_events')
      .select(['entity_type', 'entity_id', 'action', 'actor_login'])
      .where('action', '=', 'two_factor_enabled')
      .execute();
    expect(events).toEqual(
      expect.arrayContaining([
        {
          entity_type: 'admin_user',
          entity_id: userId,
          action: 'two_factor_enabled',
          actor_login: partner.login,
        },
        {
          entity_type: 'partner',
          entity_id: partner.id,
          action: 'two_factor_enabled',
          actor_login: partner.login,
        },
      ]),
    );
  });

  it('cannot be set up again while on', async () => {
    const again = await client.post('/api/v1/auth/two-factor/setup');
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'two_factor_already_enabled' });
  });
});

describe('signing in with two-factor on', () => {
  beforeAll(() => {
    // Later than the step that enabling spent, so its neighbours are fresh steps.
    clock.now = stepsAfter(clock.now, 10);
  });

  it('answers a wrong password exactly as before, saying nothing of two-factor', async () => {
    const wrong = await logIn(undefined, 'not-the-password');
    const wrongWithCode = await logIn(codeAt(0), 'not-the-password');
    const unknown = await anonymous(context.app).post('/api/v1/auth/login', {
      login: 'nobody-here',
      password: 'not-the-password',
    });
    const strip = (body: string) => ({ ...JSON.parse(body), requestId: undefined }) as unknown;
    for (const response of [wrong, wrongWithCode]) {
      expect(response.statusCode).toBe(401);
      expect(strip(response.body)).toEqual(strip(unknown.body));
      expect(response.json()).toMatchObject({ code: 'invalid_credentials' });
    }
  });

  it('asks for the code only after the right password', async () => {
    const response = await logIn();
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({
      code: 'two_factor_required',
      title: 'Enter the one-time code from your authenticator app, or a recovery code',
    });
    expect(response.cookies.find((cookie) => cookie.name === 'fd_session')).toBeUndefined();
  });

  it('refuses a code two steps away either side', async () => {
    for (const steps of [-2, 2]) {
      const response = await logIn(codeAt(steps));
      expect(response.statusCode, `${steps} steps`).toBe(401);
      expect(response.json()).toMatchObject({ code: 'two_factor_invalid' });
    }
  });

  it('accepts a code one step either side, each once', async () => {
    const previous = codeAt(-1);
    expectStatus(await logIn(previous), 200);
    const reused = await logIn(previous);
    expect(reused.statusCode).toBe(401);
    expect(reused.json()).toMatchObject({ code: 'two_factor_invalid' });

    const next = codeAt(1);
    const signedIn = expectStatus(await logIn(next), 200);
    expect(signedIn.twoFactor).toEqual({ enabled: true, required: false });
    expect((await logIn(next)).statusCode).toBe(401);
    // A step before the last one used is spent too: a code overheard earlier cannot be replayed.
    expect((await logIn(codeAt(0))).statusCode).toBe(401);
  });

  it('accepts a recovery code once, however it is typed', async () => {
    const code = recoveryCodes[0]!;
    expectStatus(await logIn(` ${code.toUpperCase().replaceAll('-', ' ')} `), 200);
    const again = await logIn(code);
    expect(again.statusCode).toBe(401);
    expect(again.json()).toMatchObject({ code: 'two_factor_invalid' });
  });

  it('counts a wrong code as a failed attempt of the login, and asking for it not', async () => {
    await logIn('123 456');
    await logIn();
    const attempts = await db()
      .selectFrom('login_attempts')
      .select('succeeded')
      .where('login', '=', partner.login.toLowerCase())
      .orderBy('id', 'desc')
      .limit(2)
      .execute();
    expect(attempts.map((attempt) => attempt.succeeded)).toEqual([true, false]);
  });
});

describe('turning it off', () => {
  it('needs a code', async () => {
    const none = await client.request('DELETE', '/api/v1/auth/two-factor', {});
    expect(fieldCodes(none)).toEqual(['code:required']);
    const wrong = await client.request('DELETE', '/api/v1/auth/two-factor', { code: '000000' });
    expect(wrong.statusCode).toBe(400);
    expect(fieldCodes(wrong)).toEqual(['code:two_factor_code_invalid']);
    const spent = await client.request('DELETE', '/api/v1/auth/two-factor', { code: recoveryCodes[0] });
    expect(fieldCodes(spent)).toEqual(['code:two_factor_code_invalid']);
  });

  it('with a recovery code, deleting the secret and the codes; then the password alone signs in', async () => {
    const response = await client.request('DELETE', '/api/v1/auth/two-factor', { code: recoveryCodes[1] });
    expect(response.statusCode, response.body).toBe(204);
    expect(await twoFactorRow()).toMatchObject({ secret_encrypted: null, enabled_at: null });
    const codes = await db()
      .selectFrom('admin_recovery_codes')
      .select('code_hash')
      .where('user_id', '=', userId)
      .execute();
    expect(codes).toEqual([]);
    expect(expectStatus(await logIn(), 200).twoFactor).toEqual({ enabled: false, required: false });
    const events = await db()
      .selectFrom('audit_events')
      .select('entity_type')
      .where('action', '=', 'two_factor_disabled')
      .execute();
    expect(events.map((event) => event.entity_type).sort()).toEqual(['admin_user', 'partner']);
  });

  it('is refused when it is not on', async () => {
    const response = await client.request('DELETE', '/api/v1/auth/two-factor', { code: '123456' });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'two_factor_not_enabled' });
  });
});
