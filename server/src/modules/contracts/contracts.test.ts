import { beforeAll, describe, expect, it } from 'vitest';
import {
  createContract,
  createPartner,
  createObject,
  createTariff,
  signInAsPartner,
  unique,
} from '../../../test/builders.js';
import { expectStatus, fieldCodes, type TestClient } from '../../../test/client.js';
import type { ContractCreate } from './contracts.schemas.js';
import { useTestAppAsRoot } from '../../../test/test-suite.js';

const { context, root } = useTestAppAsRoot();
let dealer: { id: number; login: string };
let subDealer: { id: number; login: string };
let foreign: { id: number; login: string };
let rubTariff: { id: number; name: string };
let usdTariff: { id: number; name: string };

interface Contract {
  id: number;
  version: number;
  name: string;
  partnerId: number;
  [field: string]: unknown;
}

beforeAll(async () => {
  dealer = await createPartner(root, { region: 'RU-MOW', currency: 'RUB', additionalCurrencies: ['USD'] });
  subDealer = await createPartner(root, { parentId: dealer.id, currency: 'RUB' });
  foreign = await createPartner(root, { currency: 'RUB' });
  rubTariff = await createTariff(root, { name: 'Platform RUB' });
  usdTariff = await createTariff(root, { name: 'Platform USD', currency: 'USD' });
});

const contractUrl = (id: number, action = '') => `/api/v1/contracts/${id}${action}`;

async function accountsCount(partnerId: number) {
  const partner = expectStatus<{ accountsCount: number }>(
    await root.get(`/api/v1/partners/${partnerId}`),
    200,
  );
  return partner.accountsCount;
}

describe('adding a contract', () => {
  it('saves every field of the card and presents the read-only ones', async () => {
    const response = await root.post('/api/v1/contracts', {
      partnerId: dealer.id,
      name: '  Cargo Lines LLC ',
      email: 'fleet@cargo.example',
      phone: '8 (916) 123-45-67',
      deposit: '2500.5',
      iin: '7707083893',
      kpp: '773601001',
      currency: 'usd',
      tariffId: usdTariff.id,
      organizationType: 'RU-OOO',
      accountType: 'postpayment_light',
      blockingLimit: '10000',
      code1c: 'CL-0001',
      active: false,
      isWarehouse: false,
      blocked: true,
      userPasswordPolicy: 'complex',
      comment: 'From the fair',
    });
    const contract = expectStatus<Contract>(response, 201);
    expect(contract).toEqual({
      id: expect.any(Number),
      partnerId: dealer.id,
      partner: { id: dealer.id, name: expect.any(String) },
      name: 'Cargo Lines LLC',
      email: 'fleet@cargo.example',
      phone: '+79161234567',
      // The Deposit is an advance payment in the ledger: the balance starts with it.
      balance: '2500.50',
      deposit: '2500.50',
      iin: '7707083893',
      kpp: '773601001',
      currency: 'USD',
      tariffId: usdTariff.id,
      tariff: { id: usdTariff.id, name: 'Platform USD' },
      inheritedTariff: null,
      organizationType: 'RU-OOO',
      accountType: 'postpayment_light',
      blockingLimit: '10000.00',
      code1c: 'CL-0001',
      active: false,
      isWarehouse: false,
      blocked: true,
      blockedBy: null,
      debtBlocked: false,
      userPasswordPolicy: 'complex',
      comment: 'From the fair',
      objectsCount: 0,
      usersCount: 0,
      version: 1,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      archivedAt: null,
    });
    expect(expectStatus(await root.get(contractUrl(contract.id)), 200)).toEqual(contract);
  });

  it('fills the defaults of the smallest contract', async () => {
    const contract = await createContract(root, dealer.id);
    expect(contract).toMatchObject({
      deposit: '0.00',
      tariffId: null,
      tariff: null,
      blockingLimit: null,
      active: true,
      isWarehouse: false,
      blocked: false,
      userPasswordPolicy: 'inherit',
      email: null,
      code1c: null,
    });
  });

  it('leaving Postpayment (light) drops the Blocking limit; coming back requires one', async () => {
    const contract = await createContract(root, dealer.id, {
      accountType: 'postpayment_light',
      blockingLimit: '2500.00',
    });
    const prepaid = expectStatus<{ version: number; blockingLimit: string | null }>(
      await root.patch(contractUrl(contract.id), { version: contract.version, accountType: 'prepayment' }),
      200,
    );
    expect(prepaid.blockingLimit).toBeNull();
    const back = await root.patch(contractUrl(contract.id), {
      version: prepaid.version,
      accountType: 'postpayment_light',
    });
    expect(back.statusCode).toBe(400);
    expect(fieldCodes(back)).toEqual(['blockingLimit:required']);
  });

  it('requires name, partner, currency and account type', async () => {
    const empty = await root.post('/api/v1/contracts', {
      partnerId: dealer.id,
      name: ' ',
      currency: '',
      accountType: 'prepayment',
    });
    expect(empty.statusCode).toBe(400);
    expect(fieldCodes(empty)).toEqual(['name:required', 'currency:required']);
    const missing = await root.post('/api/v1/contracts', { name: 'X' });
    expect(missing.statusCode).toBe(400);
    expect(fieldCodes(missing).sort()).toEqual(
      ['accountType:required', 'currency:required', 'partnerId:required'].sort(),
    );
  });

  it('names the field by its label in English and Russian', async () => {
    const body = { partnerId: dealer.id, name: '', currency: 'RUB', accountType: 'postpayment_light' };
    const en = await root.post('/api/v1/contracts', body);
    expect(en.headers['content-type']).toContain('application/problem+json');
    expect(en.json<{ errors: unknown[] }>().errors).toEqual([
      { field: 'name', code: 'required', message: 'Name is required' },
      { field: 'blockingLimit', code: 'required', message: 'Blocking limit is required' },
    ]);
    const ru = await root.inLocale('ru').post('/api/v1/contracts', body);
    expect(ru.json<{ errors: unknown[] }>().errors).toEqual([
      { field: 'name', code: 'required', message: 'Поле «Наименование» обязательно' },
      { field: 'blockingLimit', code: 'required', message: 'Поле «Лимит блокировки» обязательно' },
    ]);
    const warehouse = await root.inLocale('ru').post('/api/v1/contracts', {
      partnerId: dealer.id,
      name: 'X',
      currency: 'EUR',
      accountType: 'prepayment',
    });
    expect(warehouse.json<{ errors: { message: string }[] }>().errors[0]?.message).toBe(
      'Поле «Валюта»: выберите одну из валют партнёра (основную или дополнительные)',
    );
  });
});

describe('currency and tariff', () => {
  it("takes only the partner's currencies", async () => {
    const euro = await root.post('/api/v1/contracts', {
      partnerId: dealer.id,
      name: 'Euro',
      currency: 'EUR',
      accountType: 'prepayment',
    });
    expect(euro.statusCode).toBe(400);
    expect(fieldCodes(euro)).toEqual(['currency:currency_not_of_partner']);
    const unknown = await root.post('/api/v1/contracts', {
      partnerId: dealer.id,
      name: 'Unknown',
      currency: 'XYZ',
      accountType: 'prepayment',
    });
    expect(fieldCodes(unknown)).toEqual(['currency:currency_unknown']);
    expect(await createContract(root, dealer.id, { currency: 'usd' })).toMatchObject({ currency: 'USD' });
    // The sub-partner has no USD, whatever its parent has.
    const sub = await root.post('/api/v1/contracts', {
      partnerId: subDealer.id,
      name: 'Sub USD',
      currency: 'USD',
      accountType: 'prepayment',
    });
    expect(fieldCodes(sub)).toEqual(['currency:currency_not_of_partner']);
  });

  it('takes a tariff the partner may sell, in the contract currency', async () => {
    const own = await createTariff(root, { ownerPartnerId: dealer.id });
    const subOwn = await createTariff(root, { ownerPartnerId: subDealer.id });
    const foreignOwn = await createTariff(root, { ownerPartnerId: foreign.id });
    const archived = await createTariff(root);
    await context.database.db
      .updateTable('tariffs')
      .set({ archived_at: new Date() })
      .where('id', '=', archived.id)
      .execute();
    const attempt = (partnerId: number, tariffId: number, currency = 'RUB') =>
      root.post('/api/v1/contracts', {
        partnerId,
        name: unique('T '),
        currency,
        accountType: 'prepayment',
        tariffId,
      });

    expect((await attempt(dealer.id, own.id)).statusCode).toBe(201);
    expect((await attempt(dealer.id, rubTariff.id)).statusCode).toBe(201);
    // An ancestor's tariff may be sold by its sub-partner; a sub-partner's is not its parent's to sell.
    expect((await attempt(subDealer.id, own.id)).statusCode).toBe(201);
    expect(fieldCodes(await attempt(dealer.id, subOwn.id))).toEqual(['tariffId:tariff_not_available']);
    expect(fieldCodes(await attempt(dealer.id, foreignOwn.id))).toEqual(['tariffId:tariff_not_available']);
    expect(fieldCodes(await attempt(dealer.id, archived.id))).toEqual(['tariffId:tariff_not_available']);
    expect(fieldCodes(await attempt(dealer.id, 987654321))).toEqual(['tariffId:tariff_not_available']);
    expect(fieldCodes(await attempt(dealer.id, usdTariff.id))).toEqual(['tariffId:tariff_contract_currency']);
    expect((await attempt(dealer.id, usdTariff.id, 'USD')).statusCode).toBe(201);
  });
});

describe('blocking limit', () => {
  it('is required for and only for Postpayment (light)', async () => {
    const base = { partnerId: dealer.id, name: 'Limits', currency: 'RUB' };
    const extra = await root.post('/api/v1/contracts', {
      ...base,
      accountType: 'prepayment',
      blockingLimit: '100',
    });
    expect(extra.statusCode).toBe(400);
    expect(fieldCodes(extra)).toEqual(['blockingLimit:blocking_limit_not_allowed']);
    const scale = await root.post('/api/v1/contracts', {
      ...base,
      accountType: 'postpayment_light',
      blockingLimit: '1.234',
    });
    expect(fieldCodes(scale)).toEqual(['blockingLimit:amount_scale']);
    const negative = await root.post('/api/v1/contracts', {
      ...base,
      accountType: 'postpayment_light',
      blockingLimit: '-5',
    });
    expect(fieldCodes(negative)).toEqual(['blockingLimit:amount_negative']);

    const light = await createContract(root, dealer.id, {
      accountType: 'postpayment_light',
      blockingLimit: '0',
    });
    expect(light.blockingLimit).toBe('0.00');
    // A limit sent with another account type is refused; left out, it is dropped (the test above).
    const stillLimited = await root.patch(contractUrl(light.id), {
      version: light.version,
      accountType: 'prepayment',
      blockingLimit: '10.00',
    });
    expect(fieldCodes(stillLimited)).toEqual(['blockingLimit:blocking_limit_not_allowed']);
    const changed = expectStatus<Contract>(
      await root.patch(contractUrl(light.id), {
        version: light.version,
        accountType: 'prepayment',
        blockingLimit: null,
      }),
      200,
    );
    expect(changed).toMatchObject({ accountType: 'prepayment', blockingLimit: null, version: 2 });
  });
});

describe('uniqueness', () => {
  it('allows one live warehouse account per partner', async () => {
    const partner = await createPartner(root);
    const first = await createContract(root, partner.id, { isWarehouse: true });
    const second = await root.post('/api/v1/contracts', {
      partnerId: partner.id,
      name: 'Second store',
      currency: 'RUB',
      accountType: 'prepayment',
      isWarehouse: true,
    });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({
      code: 'warehouse_exists',
      errors: [{ field: 'isWarehouse', code: 'warehouse_exists' }],
    });
    const plain = await createContract(root, partner.id);
    const patched = await root.patch(contractUrl(plain.id), { version: plain.version, isWarehouse: true });
    expect(patched.statusCode).toBe(409);
    expect(patched.json()).toMatchObject({ code: 'warehouse_exists' });
    // Another partner has its own warehouse.
    await createContract(root, dealer.id, { isWarehouse: true });

    expectStatus(await root.delete(contractUrl(first.id)), 200);
    await createContract(root, partner.id, { isWarehouse: true });
    const restore = await root.post(contractUrl(first.id, '/restore'));
    expect(restore.statusCode).toBe(409);
    expect(restore.json()).toMatchObject({ code: 'warehouse_exists' });
  });

  it('keeps 1C codes unique among contracts, ignoring case', async () => {
    const code = unique('C1C-');
    await createContract(root, dealer.id, { code1c: code });
    const duplicate = await root.post('/api/v1/contracts', {
      partnerId: foreign.id,
      name: 'Dup',
      currency: 'RUB',
      accountType: 'prepayment',
      code1c: code.toLowerCase(),
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json()).toMatchObject({
      code: 'contract_code1c_taken',
      errors: [
        {
          field: 'code1c',
          code: 'contract_code1c_taken',
          message: 'This 1C code is already used by another contract',
        },
      ],
    });
    const other = await createContract(root, dealer.id);
    const patch = await root.patch(contractUrl(other.id), { version: other.version, code1c: code });
    expect(patch.statusCode).toBe(409);
  });
});

describe('contact and tax fields', () => {
  it("validates email, phone, IIN/KPP and organization type by the partner's region", async () => {
    const base = { partnerId: dealer.id, name: 'Checks', currency: 'RUB', accountType: 'prepayment' };
    const bad = await root.post('/api/v1/contracts', {
      ...base,
      email: 'not-an-email',
      phone: '12',
      iin: '7707083894',
      organizationType: 'NO-SUCH',
    });
    expect(fieldCodes(bad)).toEqual([
      'email:email_invalid',
      'phone:phone_invalid',
      'iin:inn_checksum',
      'kpp:kpp_required',
      'organizationType:organization_type_unknown',
    ]);
    const noKpp = await root.post('/api/v1/contracts', { ...base, iin: '7707083893' });
    expect(fieldCodes(noKpp)).toEqual(['kpp:kpp_required']);

    const kazakh = await createPartner(root, { region: 'KZ-75', currency: 'KZT' });
    const kzBase: ContractCreate = {
      partnerId: kazakh.id,
      name: 'KZ',
      currency: 'KZT',
      accountType: 'prepayment',
    };
    const kzBad = await root.post('/api/v1/contracts', {
      ...kzBase,
      iin: '900101300126',
      kpp: '773601001',
      organizationType: 'RU-OOO',
    });
    expect(fieldCodes(kzBad)).toEqual(['kpp:kpp_not_allowed', 'organizationType:organization_type_country']);
    const kz = await createContract(root, kazakh.id, {
      ...kzBase,
      iin: '900101300126',
      phone: '701 123 45 67',
    });
    expect(kz).toMatchObject({ iin: '900101300126', phone: '+77011234567' });
  });
});

describe('the partner of a contract', () => {
  it('is a live partner of the caller subtree; others read as missing', async () => {
    const admin = await signInAsPartner(context.app, dealer);
    const base = { name: 'Scoped', currency: 'RUB', accountType: 'prepayment' };
    for (const partnerId of [foreign.id, 987654321]) {
      const response = await admin.post('/api/v1/contracts', { ...base, partnerId });
      expect(response.statusCode).toBe(400);
      expect(fieldCodes(response)).toEqual(['partnerId:parent_not_found']);
    }
    expect((await admin.post('/api/v1/contracts', { ...base, partnerId: subDealer.id })).statusCode).toBe(
      201,
    );
    expect((await admin.post('/api/v1/contracts', { ...base, partnerId: dealer.id })).statusCode).toBe(201);

    const gone = await createPartner(root);
    expectStatus(await root.delete(`/api/v1/partners/${gone.id}`), 200);
    const archived = await root.post('/api/v1/contracts', { ...base, partnerId: gone.id });
    expect(archived.statusCode).toBe(409);
    expect(archived.json()).toMatchObject({ code: 'partner_archived' });
  });
});

describe('changing a contract', () => {
  it('carries the version; a stale one is refused and an unchanged save changes nothing', async () => {
    const contract = await createContract(root, dealer.id);
    const saved = expectStatus<Contract>(
      await root.patch(contractUrl(contract.id), { version: 1, comment: 'first', blocked: true }),
      200,
    );
    expect(saved).toMatchObject({ version: 2, comment: 'first', blocked: true });
    const stale = await root.patch(contractUrl(contract.id), { version: 1, comment: 'second' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'version_conflict' });

    const same = expectStatus<Contract>(
      await root.patch(contractUrl(contract.id), {
        version: 2,
        name: ` ${String(contract.name)} `,
        comment: 'first',
      }),
      200,
    );
    expect(same.version).toBe(2);
    expect(same.updatedAt).toBe(saved.updatedAt);
    const history = expectStatus<{ items: { action: string; changes: unknown[] }[] }>(
      await root.get(contractUrl(contract.id, '/history')),
      200,
    );
    expect(history.items.map((item) => item.action)).toEqual(['updated', 'created']);
    expect(history.items[0]?.changes).toEqual([
      { field: 'blocked', oldValue: false, newValue: true },
      { field: 'comment', oldValue: null, newValue: 'first' },
    ]);
    expect(history.items[1]?.changes).toContainEqual({
      field: 'name',
      oldValue: null,
      newValue: contract.name,
    });
  });

  it('moves a contract to another partner with its objects and users, and the counters follow', async () => {
    const tariff = await createTariff(root, { ownerPartnerId: dealer.id });
    const contract = await createContract(root, dealer.id, { tariffId: tariff.id });
    const db = context.database.db;
    await db
      .insertInto('objects')
      .values({
        partner_id: dealer.id,
        contract_id: contract.id,
        name: 'Truck',
        device_id: unique('dev'),
        tariff_id: tariff.id,
        tariff_pinned_at: '2026-01-01',
      })
      .execute();
    await db
      .insertInto('portal_users')
      .values({
        partner_id: dealer.id,
        contract_id: contract.id,
        login: unique('u'),
        password_hash: 'x',
        type: 'user',
      })
      .execute();
    const before = { dealer: await accountsCount(dealer.id), sub: await accountsCount(subDealer.id) };
    expect(expectStatus(await root.get(contractUrl(contract.id)), 200)).toMatchObject({
      objectsCount: 1,
      usersCount: 1,
    });

    const admin = await signInAsPartner(context.app, dealer);
    const refused = await admin.patch(contractUrl(contract.id), { version: 1, partnerId: foreign.id });
    expect(fieldCodes(refused)).toEqual(['partnerId:parent_not_found']);
    const usd = await admin.patch(contractUrl(contract.id), {
      version: 1,
      partnerId: subDealer.id,
      currency: 'USD',
      tariffId: null,
    });
    expect(fieldCodes(usd)).toEqual(['currency:currency_not_of_partner']);

    const moved = expectStatus<Contract>(
      await admin.patch(contractUrl(contract.id), { version: 1, partnerId: subDealer.id }),
      200,
    );
    expect(moved).toMatchObject({ partnerId: subDealer.id, partner: { id: subDealer.id }, version: 2 });
    expect(await accountsCount(dealer.id)).toBe(before.dealer - 1);
    expect(await accountsCount(subDealer.id)).toBe(before.sub + 1);
    const objects = await db
      .selectFrom('objects')
      .where('contract_id', '=', contract.id)
      .select('partner_id')
      .execute();
    const users = await db
      .selectFrom('portal_users')
      .where('contract_id', '=', contract.id)
      .select('partner_id')
      .execute();
    expect([...objects, ...users].map((row) => Number(row.partner_id))).toEqual([subDealer.id, subDealer.id]);
    const sub = expectStatus<{ vehiclesCount: number }>(
      await root.get(`/api/v1/partners/${subDealer.id}`),
      200,
    );
    expect(sub.vehiclesCount).toBeGreaterThanOrEqual(1);

    // The sub-partner's tariff cannot follow a contract up to its parent.
    const subTariff = await createTariff(root, { ownerPartnerId: subDealer.id });
    const withSubTariff = await createContract(root, subDealer.id, { tariffId: subTariff.id });
    const up = await root.patch(contractUrl(withSubTariff.id), { version: 1, partnerId: dealer.id });
    expect(fieldCodes(up)).toEqual(['tariffId:tariff_not_available']);
  });
});

describe('moving a contract whose objects are priced by its partner', () => {
  it("is refused when the new partner does not sell the objects' tariff", async () => {
    const owner = await createPartner(root, { parentId: dealer.id });
    const sibling = await createPartner(root, { parentId: dealer.id });
    const ownPrice = await createTariff(root, { name: 'Owner price', ownerPartnerId: owner.id });
    const contract = await createContract(root, owner.id, { tariffId: ownPrice.id });
    await createObject(root, contract.id);
    const response = await root.patch(contractUrl(contract.id), {
      version: contract.version,
      partnerId: sibling.id,
      tariffId: null,
    });
    expect(response.statusCode).toBe(400);
    expect(fieldCodes(response)).toEqual(['partnerId:contract_objects_tariff_unavailable']);
    expect(expectStatus(await root.get(contractUrl(contract.id)), 200)).toMatchObject({
      partnerId: owner.id,
    });
  });
});

describe('archive, restore and clone', () => {
  it('archives (counter down), keeps it read-only, restores (counter up)', async () => {
    const partner = await createPartner(root);
    const contract = await createContract(root, partner.id);
    expect(await accountsCount(partner.id)).toBe(1);
    const archived = expectStatus<Contract>(await root.delete(contractUrl(contract.id)), 200);
    expect(archived.archivedAt).toEqual(expect.any(String));
    expect(await accountsCount(partner.id)).toBe(0);
    expectStatus(await root.delete(contractUrl(contract.id)), 200);

    const patch = await root.patch(contractUrl(contract.id), { version: archived.version, comment: 'x' });
    expect(patch.statusCode).toBe(409);
    expect(patch.json()).toMatchObject({ code: 'archived' });

    const restored = expectStatus<Contract>(await root.post(contractUrl(contract.id, '/restore')), 200);
    expect(restored.archivedAt).toBeNull();
    expect(await accountsCount(partner.id)).toBe(1);
    const again = await root.post(contractUrl(contract.id, '/restore'));
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'not_archived' });
    const history = expectStatus<{ items: { action: string }[] }>(
      await root.get(contractUrl(contract.id, '/history')),
      200,
    );
    expect(history.items.map((item) => item.action)).toEqual(['restored', 'archived', 'created']);
  });

  it('clones the settings without objects, users, warehouse role or 1C code', async () => {
    const partner = await createPartner(root, { additionalCurrencies: ['USD'] });
    const source = await createContract(root, partner.id, {
      name: 'Template',
      currency: 'USD',
      tariffId: usdTariff.id,
      accountType: 'postpayment_light',
      blockingLimit: '300',
      code1c: unique('TPL-'),
      isWarehouse: true,
      email: 'a@b.example',
      userPasswordPolicy: 'simple',
    });
    const clone = expectStatus<Contract>(await root.post(contractUrl(source.id, '/clone')), 201);
    expect(clone.id).not.toBe(source.id);
    expect(clone).toEqual({
      ...source,
      id: clone.id,
      name: 'Template (copy)',
      code1c: null,
      isWarehouse: false,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });

    const ru = expectStatus<Contract>(await root.inLocale('ru').post(contractUrl(source.id, '/clone')), 201);
    expect(ru.name).toBe('Template (копия)');
    const history = expectStatus<{ items: { action: string; changes: { field: string }[] }[] }>(
      await root.get(contractUrl(clone.id, '/history')),
      200,
    );
    expect(history.items[0]).toMatchObject({ action: 'cloned' });
    expect(history.items[0]?.changes[0]).toEqual({
      field: 'clonedFrom',
      oldValue: null,
      newValue: source.id,
    });
  });

  it('proposes the copy without saving it; the edited copy is saved by POST /contracts as cloned', async () => {
    const partner = await createPartner(root);
    const source = await createContract(root, partner.id, {
      name: 'Fleet template',
      code1c: unique('FT-'),
      deposit: '150',
      comment: 'Kept in the copy',
    });
    const draft = expectStatus<ContractCreate>(await root.get(contractUrl(source.id, '/clone')), 200);
    expect(draft).toEqual({
      partnerId: partner.id,
      name: 'Fleet template (copy)',
      email: null,
      phone: null,
      deposit: null,
      iin: null,
      kpp: null,
      currency: 'RUB',
      tariffId: null,
      organizationType: null,
      accountType: 'prepayment',
      blockingLimit: null,
      code1c: null,
      active: true,
      isWarehouse: false,
      blocked: false,
      userPasswordPolicy: 'inherit',
      comment: 'Kept in the copy',
      clonedFrom: source.id,
    });
    // Nothing saved: the partner still has its one contract.
    expect(await accountsCount(partner.id)).toBe(1);

    const copy = expectStatus<Contract>(
      await root.post('/api/v1/contracts', { ...draft, name: 'Fleet two' }),
      201,
    );
    expect(copy).toMatchObject({ name: 'Fleet two', comment: 'Kept in the copy', code1c: null });
    expect(await accountsCount(partner.id)).toBe(2);
    const history = expectStatus<{ items: { action: string; changes: { field: string }[] }[] }>(
      await root.get(contractUrl(copy.id, '/history')),
      200,
    );
    expect(history.items.map((item) => item.action)).toEqual(['cloned']);
    expect(history.items[0]?.changes[0]).toEqual({
      field: 'clonedFrom',
      oldValue: null,
      newValue: source.id,
    });
  });

  it('refuses a copy of a contract the caller cannot see as not found, saving nothing', async () => {
    const outside = await createContract(root, dealer.id);
    const admin = await signInAsPartner(context.app, subDealer);
    const before = await accountsCount(subDealer.id);
    const refused = await admin.post('/api/v1/contracts', {
      partnerId: subDealer.id,
      name: 'Copy of a stranger',
      currency: 'RUB',
      accountType: 'prepayment',
      clonedFrom: outside.id,
    });
    expect(refused.statusCode, refused.body).toBe(404);
    expect(refused.json()).toMatchObject({ code: 'not_found' });
    expect(await accountsCount(subDealer.id)).toBe(before);
  });
});

describe("the tariff a contract's objects get", () => {
  it("is the nearest partner's Price up the tree in the contract's currency while the contract names none", async () => {
    const parent = await createPartner(root, { priceTariffId: rubTariff.id, additionalCurrencies: ['USD'] });
    const child = await createPartner(root, { parentId: parent.id, additionalCurrencies: ['USD'] });
    const rub = await createContract(root, child.id);
    const usd = await createContract(root, child.id, { currency: 'USD' });
    const inherited = async (id: number) =>
      expectStatus<{ inheritedTariff: unknown }>(await root.get(contractUrl(id)), 200).inheritedTariff;
    expect(await inherited(rub.id)).toEqual({ id: rubTariff.id, name: 'Platform RUB' });
    // No Price in dollars anywhere up the tree: the objects would get none.
    expect(await inherited(usd.id)).toBeNull();

    const own = await createTariff(root, { name: unique('Child RUB '), currency: 'RUB' });
    const current = expectStatus<{ version: number }>(await root.get(`/api/v1/partners/${child.id}`), 200);
    expectStatus(
      await root.patch(`/api/v1/partners/${child.id}`, { version: current.version, priceTariffId: own.id }),
      200,
    );
    expect(await inherited(rub.id)).toEqual({ id: own.id, name: own.name });
  });
});

describe('scoping', () => {
  it("is 404 for a contract outside the caller's subtree, on every endpoint", async () => {
    const outside = await createContract(root, dealer.id);
    const admin = await signInAsPartner(context.app, subDealer);
    const expectNotFound = async (response: Awaited<ReturnType<TestClient['get']>>) => {
      expect(response.statusCode, response.body).toBe(404);
      expect(response.json()).toMatchObject({ code: 'not_found' });
    };
    await expectNotFound(await admin.get(contractUrl(outside.id)));
    await expectNotFound(await admin.patch(contractUrl(outside.id), { version: 1, comment: 'x' }));
    await expectNotFound(await admin.delete(contractUrl(outside.id)));
    await expectNotFound(await admin.post(contractUrl(outside.id, '/restore')));
    await expectNotFound(await admin.post(contractUrl(outside.id, '/clone')));
    await expectNotFound(await admin.get(contractUrl(outside.id, '/clone')));
    await expectNotFound(await admin.get(contractUrl(outside.id, '/history')));
    await expectNotFound(await admin.get(contractUrl(987654321)));
    expect(expectStatus(await root.get(contractUrl(outside.id)), 200)).toMatchObject({ version: 1 });

    // The parent's administrator manages its sub-partner's contracts.
    const inside = await createContract(root, subDealer.id);
    const parentAdmin = await signInAsPartner(context.app, dealer);
    expectStatus(await parentAdmin.get(contractUrl(inside.id)), 200);
    expectStatus(await parentAdmin.post(contractUrl(inside.id, '/clone')), 201);
  });
});
