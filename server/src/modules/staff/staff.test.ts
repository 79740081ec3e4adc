import { sql } from 'kysely';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createContract,
  createPartner,
  PARTNER_PASSWORD,
  signInAsPartner,
  unique,
  type CreatedPartner,
} from '../../../test/builders.js';
import { anonymous, expectStatus, fieldCodes, signIn, type TestClient } from '../../../test/client.js';
import { moneyRequest } from '../../../test/money-builders.js';
import { createStaffUser, signInAsNewStaff, type StaffBody } from '../../../test/staff-builders.js';
import { useTestAppAsRoot } from '../../../test/test-suite.js';

const { context, root } = useTestAppAsRoot();
let dealer: CreatedPartner;
let subDealer: CreatedPartner;
let foreign: CreatedPartner;
let dealerAdmin: TestClient;
let foreignAdmin: TestClient;

beforeAll(async () => {
  dealer = await createPartner(root, { name: unique('Dealer ') });
  subDealer = await createPartner(root, { name: unique('Sub-dealer '), parentId: dealer.id });
  foreign = await createPartner(root, { name: unique('Foreign ') });
  dealerAdmin = await signInAsPartner(context.app, dealer);
  foreignAdmin = await signInAsPartner(context.app, foreign);
});

describe('staff users', () => {
  it('are made with rights (write implies read) and answer without a password', async () => {
    const staff = await createStaffUser(dealerAdmin, dealer.id, ['finance:write', 'contracts:read'], {
      email: 'cashier@example.com',
    });
    expect(staff).toMatchObject({
      partnerId: dealer.id,
      role: 'staff',
      email: 'cashier@example.com',
      rights: ['contracts:read', 'finance:read', 'finance:write'],
      blocked: false,
      version: 1,
      archivedAt: null,
    });
    expect(JSON.stringify(staff)).not.toContain('password');
    const me = expectStatus<{ user: { role: string; rights: string[] } }>(
      await (await signIn(context.app, staff.login, PARTNER_PASSWORD)).get('/api/v1/auth/me'),
      200,
    );
    expect(me.user).toMatchObject({
      role: 'staff',
      rights: ['contracts:read', 'finance:read', 'finance:write'],
    });
  });

  it('take a login no admin-panel user has, case-insensitively', async () => {
    const response = await dealerAdmin.post('/api/v1/staff', {
      partnerId: dealer.id,
      login: dealer.login.toUpperCase(),
      password: PARTNER_PASSWORD,
      rights: [],
    });
    expect(response.statusCode).toBe(409);
    expect(fieldCodes(response)).toEqual(['login:login_taken']);
  });

  it('refuses bad fields all at once, naming each', async () => {
    const response = await dealerAdmin.post('/api/v1/staff', {
      partnerId: dealer.id,
      login: 'a b',
      email: 'not-an-email',
      password: 'short',
      rights: [],
    });
    expect(response.statusCode).toBe(400);
    expect(fieldCodes(response).sort()).toEqual([
      'email:email_invalid',
      'login:login_format',
      'password:password_too_short',
    ]);
    const unknownRight = await dealerAdmin.post('/api/v1/staff', {
      partnerId: dealer.id,
      login: unique('staff'),
      password: PARTNER_PASSWORD,
      rights: ['billing:write'],
    });
    expect(unknownRight.statusCode).toBe(400);
    expect(fieldCodes(unknownRight)).toEqual(['rights[0]:enum']);
  });

  it('do exactly what their rights allow: a Finance user posts a payment and cannot edit a partner', async () => {
    const contract = await createContract(dealerAdmin, dealer.id);
    const { client: cashier } = await signInAsNewStaff(context.app, dealerAdmin, dealer.id, [
      'finance:write',
      'partners:read',
      'contracts:read',
    ]);
    const payment = await moneyRequest(cashier, 'payments', { contractId: contract.id, amount: '100.00' });
    expect(payment.statusCode, payment.body).toBe(201);

    const version = expectStatus<{ version: number }>(
      await cashier.get(`/api/v1/partners/${subDealer.id}`),
      200,
    ).version;
    const edit = await cashier
      .inLocale('ru')
      .patch(`/api/v1/partners/${subDealer.id}`, { version, comment: 'x' });
    expect(edit.statusCode).toBe(403);
    expect(edit.json()).toMatchObject({
      code: 'right_missing',
      right: 'partners:write',
      title: 'Для этого действия нужно право «partners:write»',
    });
    const users = await cashier.get('/api/v1/users');
    expect(users.json()).toMatchObject({ status: 403, code: 'right_missing', right: 'users:read' });
  });

  it('see exactly their partner subtree: a foreign staff user reads like a missing one', async () => {
    const foreignStaff = await createStaffUser(foreignAdmin, foreign.id, ['contracts:read']);
    const mine = await createStaffUser(dealerAdmin, subDealer.id, ['contracts:read']);
    expect((await dealerAdmin.get(`/api/v1/staff/${foreignStaff.id}`)).statusCode).toBe(404);
    expect((await dealerAdmin.get(`/api/v1/staff/${mine.id}`)).statusCode).toBe(200);
    const list = expectStatus<{ items: StaffBody[] }>(
      await dealerAdmin.get('/api/v1/staff?pageSize=100'),
      200,
    );
    const partnerIds = new Set(list.items.map((item) => item.partnerId));
    expect([...partnerIds].every((id) => id === dealer.id || id === subDealer.id)).toBe(true);
    // The administrators of the subtree are listed too, read-only.
    expect(
      list.items
        .filter((item) => item.role === 'partner_admin')
        .map((item) => item.login)
        .sort(),
    ).toEqual([dealer.login, subDealer.login].sort());
    const subAdmin = list.items.find((item) => item.login === subDealer.login)!;
    const change = await dealerAdmin.patch(`/api/v1/staff/${subAdmin.id}`, {
      version: subAdmin.version,
      name: 'X',
    });
    expect(change.statusCode).toBe(409);
    expect(change.json()).toMatchObject({ code: 'administrator_not_staff' });
  });

  it('grant no right they do not hold, and change no one who holds more', async () => {
    const { staff: manager, client } = await signInAsNewStaff(context.app, dealerAdmin, dealer.id, [
      'staff:write',
      'contracts:write',
    ]);
    const tooMuch = await client.post('/api/v1/staff', {
      partnerId: dealer.id,
      login: unique('staff'),
      password: PARTNER_PASSWORD,
      rights: ['contracts:read', 'finance:read'],
    });
    expect(tooMuch.statusCode).toBe(403);
    expect(tooMuch.json()).toMatchObject({ code: 'right_missing', right: 'finance:read' });
    const allowed = await createStaffUser(client, subDealer.id, ['contracts:write']);
    expect(allowed.rights).toEqual(['contracts:read', 'contracts:write']);

    const stronger = await createStaffUser(dealerAdmin, dealer.id, ['finance:read']);
    const block = await client.patch(`/api/v1/staff/${stronger.id}`, {
      version: stronger.version,
      blocked: true,
    });
    expect(block.statusCode).toBe(403);
    expect(block.json()).toMatchObject({ code: 'right_missing', right: 'finance:read' });
    const self = await client.patch(`/api/v1/staff/${manager.id}`, { version: manager.version, rights: [] });
    expect(self.json()).toMatchObject({ status: 403, code: 'staff_self_change' });
    // A partner administrator holds every right: making one is for those who hold them all.
    const partner = await client.post('/api/v1/partners', {
      name: unique('P '),
      currency: 'RUB',
      accountType: 'prepayment',
      login: unique('login'),
      password: PARTNER_PASSWORD,
    });
    expect(partner.json()).toMatchObject({ status: 403, code: 'right_missing', right: 'partners:write' });
  });

  it('cannot take over their own partner administrator’s sign-in', async () => {
    const { client } = await signInAsNewStaff(context.app, dealerAdmin, dealer.id, [...everyRight()]);
    const version = expectStatus<{ version: number }>(
      await client.get(`/api/v1/partners/${dealer.id}`),
      200,
    ).version;
    const response = await client.patch(`/api/v1/partners/${dealer.id}`, {
      version,
      password: 'Another-gentle-river-77',
    });
    expect(response.statusCode).toBe(403);
    expect(fieldCodes(response)).toEqual(['password:field_forbidden']);
  });

  it('are logged out at once when blocked, or when their partner or an ancestor is', async () => {
    const { staff, client } = await signInAsNewStaff(context.app, dealerAdmin, subDealer.id, [
      'contracts:read',
    ]);
    expect((await client.get('/api/v1/auth/me')).statusCode).toBe(200);
    const blocked = expectStatus<StaffBody>(
      await dealerAdmin.patch(`/api/v1/staff/${staff.id}`, { version: staff.version, blocked: true }),
      200,
    );
    expect(blocked.blocked).toBe(true);
    expect((await client.get('/api/v1/auth/me')).statusCode).toBe(401);
    const again = await anonymous(context.app).post('/api/v1/auth/login', {
      login: staff.login,
      password: PARTNER_PASSWORD,
    });
    expect(again.json()).toMatchObject({ status: 403, code: 'blocked' });

    const other = await signInAsNewStaff(context.app, dealerAdmin, subDealer.id, ['contracts:read']);
    const parent = await createPartner(root, { name: unique('Parent ') });
    const child = await createPartner(root, { name: unique('Child '), parentId: parent.id });
    const childStaff = await signInAsNewStaff(context.app, root, child.id, ['contracts:read']);
    const parentVersion = expectStatus<{ version: number }>(
      await root.get(`/api/v1/partners/${parent.id}`),
      200,
    ).version;
    expectStatus(
      await root.patch(`/api/v1/partners/${parent.id}`, { version: parentVersion, blocked: true }),
      200,
    );
    expect((await childStaff.client.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await other.client.get('/api/v1/auth/me')).statusCode).toBe(200);
  });

  it('keep their edits apart by version, and record every change in History', async () => {
    const staff = await createStaffUser(dealerAdmin, dealer.id, ['objects:read']);
    const first = await dealerAdmin.patch(`/api/v1/staff/${staff.id}`, {
      version: staff.version,
      rights: ['objects:write'],
    });
    expect(expectStatus<StaffBody>(first, 200).rights).toEqual(['objects:read', 'objects:write']);
    const stale = await dealerAdmin.patch(`/api/v1/staff/${staff.id}`, {
      version: staff.version,
      name: 'Late',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'version_conflict' });
    const history = expectStatus<{
      items: { action: string; changes: { field: string; oldValue: unknown; newValue: unknown }[] }[];
    }>(await dealerAdmin.get(`/api/v1/staff/${staff.id}/history`), 200);
    expect(history.items.map((item) => item.action)).toEqual(['updated', 'created']);
    expect(history.items[0]!.changes).toEqual([
      { field: 'rights', oldValue: 'objects:read', newValue: 'objects:read, objects:write' },
    ]);
  });

  it('are archived (sessions end) and restored', async () => {
    const { staff, client } = await signInAsNewStaff(context.app, dealerAdmin, dealer.id, ['contracts:read']);
    const archived = expectStatus<StaffBody>(await dealerAdmin.delete(`/api/v1/staff/${staff.id}`), 200);
    expect(archived.archivedAt).not.toBeNull();
    expect((await client.get('/api/v1/auth/me')).statusCode).toBe(401);
    const listed = expectStatus<{ items: StaffBody[] }>(
      await dealerAdmin.get(`/api/v1/staff?search=${staff.login}`),
      200,
    );
    expect(listed.items).toEqual([]);
    const restored = expectStatus<StaffBody>(
      await dealerAdmin.post(`/api/v1/staff/${staff.id}/restore`),
      200,
    );
    expect(restored.archivedAt).toBeNull();
  });

  it('belong to the platform only when the super administrator makes them', async () => {
    const refused = await dealerAdmin.post('/api/v1/staff', {
      partnerId: null,
      login: unique('staff'),
      password: 'Orbit-lantern-quietly-2026',
      rights: [],
    });
    expect(refused.statusCode).toBe(400);
    expect(fieldCodes(refused)).toEqual(['partnerId:required']);
    const platformStaff = await signInAsNewStaffWithPassword(root, ['partners:read']);
    const partners = expectStatus<{ total: number }>(await platformStaff.get('/api/v1/partners'), 200);
    expect(partners.total).toBeGreaterThanOrEqual(3);
    expect((await platformStaff.get('/api/v1/billing/runs')).statusCode).toBe(403);
  });
});

describe('the login history of admin-panel users', () => {
  it('lists every attempt that named the user, with address, result and user agent, and exports it', async () => {
    const staff = await createStaffUser(dealerAdmin, dealer.id, ['contracts:read']);
    const attempt = (password: string) =>
      context.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { login: staff.login, password },
        headers: { 'user-agent': 'Fleet browser/1.0' },
      });
    expect((await attempt('wrong-password-1')).statusCode).toBe(401);
    expect((await attempt(PARTNER_PASSWORD)).statusCode).toBe(200);
    const history = expectStatus<{
      items: { ip: string; succeeded: boolean; userAgent: string }[];
      total: number;
    }>(await dealerAdmin.get(`/api/v1/staff/${staff.id}/login-history`), 200);
    expect(history.total).toBe(2);
    expect(history.items.map((item) => [item.ip, item.succeeded, item.userAgent])).toEqual([
      ['127.0.0.1', true, 'Fleet browser/1.0'],
      ['127.0.0.1', false, 'Fleet browser/1.0'],
    ]);
    const file = await dealerAdmin.get(`/api/v1/staff/${staff.id}/login-history?format=csv`);
    expect(file.headers['content-type']).toContain('text/csv');
    const rows = parse<Record<string, string>>(file.body.replace(/^\uFEFF/, ''), { columns: true });
    expect(rows.map((row) => [row['IP address'], row['Result'], row['User agent']])).toEqual([
      ['127.0.0.1', 'Success', 'Fleet browser/1.0'],
      ['127.0.0.1', 'Refused', 'Fleet browser/1.0'],
    ]);
    const foreignHistory = await foreignAdmin.get(`/api/v1/staff/${staff.id}/login-history`);
    expect(foreignHistory.statusCode).toBe(404);
  });

  it('keeps the user and the agent of each attempt in the database', async () => {
    const rows = await sql<{
      n: string;
    }>`select count(*) as n from login_attempts where user_id is not null and user_agent is not null`.execute(
      context.database.db,
    );
    expect(Number(rows.rows[0]!.n)).toBeGreaterThan(0);
  });
});

function everyRight() {
  return ['partners', 'contracts', 'objects', 'users', 'tariffs', 'finance', 'settings', 'staff'].map(
    (area) => `${area}:write`,
  );
}

async function signInAsNewStaffWithPassword(client: TestClient, rights: string[]) {
  const password = 'Orbit-lantern-quietly-2026';
  const staff = await createStaffUser(client, null, rights, { password });
  return signIn(context.app, staff.login, password);
}
