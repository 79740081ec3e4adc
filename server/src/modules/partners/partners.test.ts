import { describe, expect, it } from 'vitest';
import {
  createContract,
  createPartner,
  createTariff,
  partnerInput,
  signInAsPartner,
  unique,
} from '../../../test/builders.js';
import { anonymous, expectStatus, fieldCodes } from '../../../test/client.js';
import { useTestAppAsRoot } from '../../../test/test-suite.js';

const { context, root } = useTestAppAsRoot({ rootLogin: 'operator' });

type Partner = Awaited<ReturnType<typeof createPartner>>;

describe('adding a partner with every field of the seed', () => {
  it('saves every field and returns the partner without any password', async () => {
    const parent = await createPartner(root, { name: 'Parent dealer', currency: 'RUB' });
    const tariff = await createTariff(root, { name: 'Basic RUB', currency: 'RUB' });
    const wholesale = await createTariff(root, { name: 'Wholesale RUB', currency: 'RUB', price: '100' });
    const response = await root.post('/api/v1/partners', {
      name: 'Northern Telematics LLC',
      email: 'office@north.example',
      phone: '8 (916) 123-45-67',
      deposit: '15000.5',
      iin: '7707083893',
      kpp: '773601001',
      vatPercent: '22',
      code1c: 'NT-0001',
      region: 'RU-MOW',
      blocked: false,
      usersBlocked: false,
      parentId: parent.id,
      currency: 'rub',
      additionalCurrencies: ['usd', 'KZT'],
      priceTariffId: tariff.id,
      partnerPriceTariffId: wholesale.id,
      organizationType: 'RU-OOO',
      accountType: 'postpayment',
      userPasswordPolicy: 'complex',
      showUserPassword: true,
      login: 'North.Admin',
      password: 'Quiet-harbour-lantern-7',
      comment: 'Signed in November',
    });
    const partner = expectStatus<Partner>(response, 201);
    expect(partner).toEqual({
      id: expect.any(Number),
      name: 'Northern Telematics LLC',
      email: 'office@north.example',
      phone: '+79161234567',
      deposit: '15000.50',
      iin: '7707083893',
      kpp: '773601001',
      vatPercent: '22.00',
      code1c: 'NT-0001',
      region: 'RU-MOW',
      blocked: false,
      blockedBy: null,
      usersBlocked: false,
      blockedByAncestor: false,
      usersBlockedByAncestor: false,
      parentId: parent.id,
      parent: { id: parent.id, name: 'Parent dealer' },
      currency: 'RUB',
      additionalCurrencies: ['USD', 'KZT'],
      priceTariffId: tariff.id,
      priceTariff: { id: tariff.id, name: 'Basic RUB' },
      partnerPriceTariffId: wholesale.id,
      partnerPriceTariff: { id: wholesale.id, name: 'Wholesale RUB' },
      organizationType: 'RU-OOO',
      accountType: 'postpayment',
      userPasswordPolicy: 'complex',
      showUserPassword: true,
      login: 'North.Admin',
      comment: 'Signed in November',
      balance: '15000.50',
      accountsCount: 0,
      vehiclesCount: 0,
      version: 1,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      archivedAt: null,
    });
    expect(response.body.toLowerCase()).not.toContain('harbour');
    expect(response.body).not.toContain('argon2');
    expect(expectStatus(await root.get(`/api/v1/partners/${partner.id}`), 200)).toEqual(partner);
    // The partner's Login and Password open the admin panel.
    const session = await anonymous(context.app).post('/api/v1/auth/login', {
      login: 'north.admin',
      password: 'Quiet-harbour-lantern-7',
    });
    expect(session.json()).toMatchObject({ user: { role: 'partner_admin', partnerId: partner.id } });
  });

  it('names every missing required field at once', async () => {
    const response = await root.post('/api/v1/partners', {});
    expect(response.statusCode).toBe(400);
    expect(fieldCodes(response)).toEqual([
      'name:required',
      'currency:required',
      'accountType:required',
      'login:required',
      'password:required',
    ]);
    const blank = await root.post(
      '/api/v1/partners',
      partnerInput({ name: '   ', login: ' ', password: '' }),
    );
    expect(fieldCodes(blank)).toEqual(['name:required', 'login:required']);
  });

  it('explains each invalid field in the caller language, naming the field by its label', async () => {
    const response = await root.inLocale('ru').post(
      '/api/v1/partners',
      partnerInput({
        email: 'not-an-email',
        phone: '12',
        vatPercent: '150',
        region: 'XX-YYY',
        deposit: '-5',
      }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json<{ errors: unknown[] }>().errors).toEqual([
      { field: 'region', code: 'region_unknown', message: 'Поле «Регион»: выберите регион из списка' },
      {
        field: 'email',
        code: 'email_invalid',
        message: 'Поле «Email» должно содержать адрес электронной почты, например name@example.com',
      },
      {
        field: 'phone',
        code: 'phone_invalid',
        message: 'Поле «Телефон» должно содержать номер телефона, например +7 701 123 45 67',
      },
      { field: 'deposit', code: 'amount_negative', message: 'Поле «Депозит» не может быть отрицательным' },
      {
        field: 'vatPercent',
        code: 'vat_range',
        message: 'Поле «НДС» — процент от 0 до 100, не больше 2 знаков после точки',
      },
    ]);
  });

  it('refuses amounts sent as JSON numbers: decimals travel as strings', async () => {
    // A JSON number where the schema wants a decimal string: sent raw on purpose, past the typed builder.
    const response = await root.post('/api/v1/partners', { ...partnerInput(), deposit: 10.1 });
    expect(fieldCodes(response)).toEqual(['deposit:type']);
  });

  it.each([
    ['22.5', '22.50', null],
    ['0', '0.00', null],
    ['100', '100.00', null],
    ['100.01', null, 'vat_range'],
    ['12.345', null, 'vat_range'],
    ['-1', null, 'vat_range'],
    ['abc', null, 'vat_range'],
  ])('VAT %s', async (vatPercent, saved, error) => {
    const response = await root.post('/api/v1/partners', partnerInput({ vatPercent }));
    if (error) expect(fieldCodes(response)).toEqual([`vatPercent:${error}`]);
    else expect(expectStatus(response, 201)).toMatchObject({ vatPercent: saved });
  });
});

describe('tax ids by the country of the region', () => {
  it.each([
    ['RU-MOW', '7707083893', '773601001', null],
    ['RU-MOW', '7707083894', '773601001', ['iin:inn_checksum']],
    ['RU-MOW', '7707083893', null, ['kpp:kpp_required']],
    ['RU-SPE', '500100732259', null, null],
    ['RU-SPE', '500100732259', '773601001', ['kpp:kpp_not_allowed']],
    ['RU-SPE', '12345', null, ['iin:inn_length']],
    ['KZ-75', '900101300126', null, null],
    ['KZ-75', '900101300127', null, ['iin:iin_checksum']],
    ['KZ-75', '900101300126', '123', ['kpp:kpp_not_allowed']],
    ['BY-HM', 'BY 190 123/45', null, null],
    [null, 'ANY-TAX-1', null, null],
  ])('region %s IIN %s KPP %s', async (region, iin, kpp, errors) => {
    const response = await root.post('/api/v1/partners', partnerInput({ region, iin, kpp }));
    if (errors) expect(fieldCodes(response)).toEqual(errors);
    else expect(expectStatus(response, 201)).toMatchObject({ iin, kpp });
  });
});

describe('uniqueness', () => {
  it('refuses a login taken by any admin-panel user, whatever its case, with 409', async () => {
    const first = await createPartner(root);
    const again = await root.post('/api/v1/partners', partnerInput({ login: first.login.toUpperCase() }));
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      code: 'login_taken',
      errors: [{ field: 'login', code: 'login_taken' }],
    });
    const operatorLogin = await root.post('/api/v1/partners', partnerInput({ login: 'Operator' }));
    expect(operatorLogin.statusCode).toBe(409);
  });

  it('refuses a 1C Code another partner uses with 409, and allows leaving it empty on many', async () => {
    await createPartner(root, { code1c: 'C-77' });
    const duplicate = await root.post('/api/v1/partners', partnerInput({ code1c: 'C-77' }));
    expect(duplicate.statusCode).toBe(409);
    expect(fieldCodes(duplicate)).toEqual(['code1c:code1c_taken']);
    await createPartner(root, { code1c: '' });
    await createPartner(root, { code1c: null });
  });
});

describe('currencies', () => {
  it('refuses unknown and repeated currencies', async () => {
    const response = await root.post(
      '/api/v1/partners',
      partnerInput({ currency: 'RUB', additionalCurrencies: ['USD', 'RUB', 'ZZZ', 'USD'] }),
    );
    expect(fieldCodes(response)).toEqual([
      'additionalCurrencies[1]:currency_duplicate',
      'additionalCurrencies[2]:currency_unknown',
      'additionalCurrencies[3]:currency_duplicate',
    ]);
  });
});

describe('the partner tree', () => {
  it('never lets a partner become its own ancestor', async () => {
    const top = await createPartner(root);
    const child = await createPartner(root, { parentId: top.id });
    const grandchild = await createPartner(root, { parentId: child.id });
    for (const parentId of [top.id, grandchild.id]) {
      const response = await root.patch(`/api/v1/partners/${top.id}`, { version: top.version, parentId });
      expect(fieldCodes(response)).toEqual(['parentId:parent_cycle']);
    }
  });

  it('moves a whole subtree to another parent, and scoping follows it', async () => {
    const dealerA = await createPartner(root);
    const dealerB = await createPartner(root);
    const moved = await createPartner(root, { parentId: dealerA.id });
    const movedChild = await createPartner(root, { parentId: moved.id });
    const adminA = await signInAsPartner(context.app, dealerA);
    const adminB = await signInAsPartner(context.app, dealerB);
    expect((await adminA.get(`/api/v1/partners/${movedChild.id}`)).statusCode).toBe(200);

    const response = await root.patch(`/api/v1/partners/${moved.id}`, {
      version: moved.version,
      parentId: dealerB.id,
    });
    expect(expectStatus(response, 200)).toMatchObject({ parentId: dealerB.id, version: 2 });

    expect((await adminA.get(`/api/v1/partners/${movedChild.id}`)).statusCode).toBe(404);
    expect(expectStatus(await adminB.get(`/api/v1/partners/${movedChild.id}`), 200)).toMatchObject({
      parentId: moved.id,
    });
  });

  it('lets a partner administrator add a sub-partner under itself by default, never at the top', async () => {
    const dealer = await createPartner(root);
    const admin = await signInAsPartner(context.app, dealer);
    const sub = await createPartner(admin);
    expect(sub.parentId).toBe(dealer.id);
    const topLevel = await admin.post('/api/v1/partners', partnerInput({ parentId: null }));
    expect(fieldCodes(topLevel)).toEqual(['parentId:parent_not_found']);
  });

  it('shows blocks inherited from an ancestor without changing the descendants', async () => {
    const top = await createPartner(root, { usersBlocked: true });
    const child = await createPartner(root, { parentId: top.id });
    expect(expectStatus(await root.get(`/api/v1/partners/${child.id}`), 200)).toMatchObject({
      usersBlocked: false,
      usersBlockedByAncestor: true,
    });
  });
});

describe('editing', () => {
  it('refuses a stale version with 409 and keeps the first change', async () => {
    const partner = await createPartner(root);
    expectStatus(await root.patch(`/api/v1/partners/${partner.id}`, { version: 1, name: 'First' }), 200);
    const stale = await root.patch(`/api/v1/partners/${partner.id}`, { version: 1, name: 'Second' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'version_conflict' });
    expect(expectStatus(await root.get(`/api/v1/partners/${partner.id}`), 200)).toMatchObject({
      name: 'First',
      version: 2,
    });
  });

  it('changes the login and password of the partner administrator', async () => {
    const partner = await createPartner(root);
    const login = unique('renamed');
    expectStatus(
      await root.patch(`/api/v1/partners/${partner.id}`, {
        version: 1,
        login,
        password: 'Another-long-secret-9',
      }),
      200,
    );
    const session = await anonymous(context.app).post('/api/v1/auth/login', {
      login,
      password: 'Another-long-secret-9',
    });
    expect(session.statusCode).toBe(200);
  });

  it('refuses a common password for the administrator, naming the rule', async () => {
    const response = await root.post('/api/v1/partners', partnerInput({ password: 'password' }));
    expect(fieldCodes(response)).toEqual(['password:password_common']);
  });
});

describe('history', () => {
  it('records who changed which field from what to what, never a password', async () => {
    const partner = await createPartner(root, { name: 'Before', comment: 'c1' });
    expectStatus(
      await root.patch(`/api/v1/partners/${partner.id}`, {
        version: 1,
        name: 'After',
        vatPercent: '16',
        password: 'Brand-new-secret-55',
      }),
      200,
    );
    const history = expectStatus<{ items: { action: string; actor: unknown; changes: unknown[] }[] }>(
      await root.get(`/api/v1/partners/${partner.id}/history`),
      200,
    );
    expect(history.items.map((item) => item.action)).toEqual(['updated', 'created']);
    expect(history.items[0]).toMatchObject({
      actor: { login: 'operator' },
      changes: [
        { field: 'name', oldValue: 'Before', newValue: 'After' },
        { field: 'vatPercent', oldValue: null, newValue: '16.00' },
        { field: 'password', oldValue: null, newValue: null },
      ],
    });
    expect(history.items[1]?.changes).toContainEqual({ field: 'comment', oldValue: null, newValue: 'c1' });
    const text = JSON.stringify(history);
    expect(text).not.toContain('Brand-new-secret-55');
    expect(text).not.toContain('Gentle-river');
    expect(text).not.toContain('argon2');
  });
});

describe('archiving', () => {
  it('refuses while live sub-partners exist, then archives, hides, shows with Show deleted and restores', async () => {
    const parent = await createPartner(root, { name: unique('Archivable ') });
    const child = await createPartner(root, { parentId: parent.id });
    const refused = await root.delete(`/api/v1/partners/${parent.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'has_live_subpartners' });

    expectStatus(await root.delete(`/api/v1/partners/${child.id}`), 200);
    const archived = expectStatus<{ archivedAt: string | null }>(
      await root.delete(`/api/v1/partners/${parent.id}`),
      200,
    );
    expect(archived.archivedAt).not.toBeNull();
    // The archived partner's administrator is logged out and cannot sign in.
    expect(
      (
        await anonymous(context.app).post('/api/v1/auth/login', {
          login: parent.login,
          password: 'Gentle-river-stone-42',
        })
      ).statusCode,
    ).toBe(401);

    const hidden = expectStatus<{ total: number }>(
      await root.get(`/api/v1/partners?search=${encodeURIComponent(parent.name)}`),
      200,
    );
    expect(hidden.total).toBe(0);
    const shown = expectStatus<{ total: number; items: { archivedAt: string | null }[] }>(
      await root.get(`/api/v1/partners?showDeleted=true&search=${encodeURIComponent(parent.name)}`),
      200,
    );
    expect(shown.total).toBe(1);

    const childRestore = await root.post(`/api/v1/partners/${child.id}/restore`);
    expect(childRestore.statusCode).toBe(409);
    expect(childRestore.json()).toMatchObject({ code: 'parent_archived' });
    expect(expectStatus(await root.post(`/api/v1/partners/${parent.id}/restore`), 200)).toMatchObject({
      archivedAt: null,
    });
    expect(expectStatus(await root.post(`/api/v1/partners/${child.id}/restore`), 200)).toMatchObject({
      archivedAt: null,
    });
    expect((await root.post(`/api/v1/partners/${child.id}/restore`)).statusCode).toBe(409);
  });
});

describe('archiving a partner with contracts', () => {
  it('refuses while a live contract exists, and archives once the contract is archived', async () => {
    const partner = await createPartner(root);
    const contract = await createContract(root, partner.id);
    const refused = await root.delete(`/api/v1/partners/${partner.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'has_live_contracts',
      title: 'Archive or move the contracts of this partner first',
    });
    expect(
      (await root.inLocale('ru').delete(`/api/v1/partners/${partner.id}`)).json<{ title: string }>().title,
    ).toBe('Сначала перенесите или отправьте в архив договоры этого партнёра');
    expect(expectStatus(await root.get(`/api/v1/partners/${partner.id}`), 200)).toMatchObject({
      archivedAt: null,
      accountsCount: 1,
    });

    expectStatus(await root.delete(`/api/v1/contracts/${contract.id}`), 200);
    const archived = expectStatus(await root.delete(`/api/v1/partners/${partner.id}`), 200);
    expect(archived).toMatchObject({ accountsCount: 0, archivedAt: expect.any(String) });
  });
});

describe('what a partner administrator is shown of its own partner', () => {
  it('does not name the parent, and saving its own card keeps the parent it cannot see', async () => {
    const parent = await createPartner(root, { name: unique('Upstream ') });
    const dealer = await createPartner(root, { parentId: parent.id });
    const admin = await signInAsPartner(context.app, dealer);
    const own = expectStatus<Partner>(await admin.get(`/api/v1/partners/${dealer.id}`), 200);
    expect(own).toMatchObject({ parentId: null, parent: null });
    const list = expectStatus<{ items: { id: number; parent: unknown }[] }>(
      await admin.get('/api/v1/partners'),
      200,
    );
    expect(list.items.find((item) => item.id === dealer.id)?.parent).toBeNull();

    // The form sends back what it was shown, parentId null included.
    const saved = await admin.patch(`/api/v1/partners/${dealer.id}`, { ...own, name: 'Renamed by itself' });
    expect(saved.statusCode, saved.body).toBe(400); // read-only fields of the answer are not accepted back
    const renamed = await admin.patch(`/api/v1/partners/${dealer.id}`, {
      version: own.version,
      name: 'Renamed by itself',
      parentId: null,
      blocked: false,
    });
    expect(expectStatus(renamed, 200)).toMatchObject({ name: 'Renamed by itself', parentId: null });
    expect(expectStatus(await root.get(`/api/v1/partners/${dealer.id}`), 200)).toMatchObject({
      parentId: parent.id,
    });
    expect(
      fieldCodes(await admin.patch(`/api/v1/partners/${dealer.id}`, { version: 2, parentId: dealer.id })),
    ).toEqual(['parentId:field_forbidden']);
  });

  it("hides who made a change when that person is outside the viewer's subtree", async () => {
    const dealer = await createPartner(root);
    const admin = await signInAsPartner(context.app, dealer);
    expectStatus(
      await admin.patch(`/api/v1/partners/${dealer.id}`, { version: 1, comment: 'own note' }),
      200,
    );
    const history = expectStatus<{ items: { action: string; actor: unknown }[] }>(
      await admin.get(`/api/v1/partners/${dealer.id}/history`),
      200,
    );
    expect(history.items.map((item) => [item.action, item.actor])).toEqual([
      ['updated', { id: expect.any(Number), login: dealer.login }],
      ['created', null],
    ]);
  });
});

describe('passwords of partner administrators', () => {
  it('ends the other sessions on a new password, and a self-change needs the current password', async () => {
    const dealer = await createPartner(root);
    const first = await signInAsPartner(context.app, dealer);
    const second = await signInAsPartner(context.app, dealer);
    const withoutCurrent = await first.patch(`/api/v1/partners/${dealer.id}`, {
      version: 1,
      password: 'Fresh-meadow-river-8',
    });
    expect(fieldCodes(withoutCurrent)).toEqual(['currentPassword:required']);
    const wrongCurrent = await first.patch(`/api/v1/partners/${dealer.id}`, {
      version: 1,
      password: 'Fresh-meadow-river-8',
      currentPassword: 'not-it-at-all',
    });
    expect(fieldCodes(wrongCurrent)).toEqual(['currentPassword:current_password_wrong']);
    expectStatus(
      await first.patch(`/api/v1/partners/${dealer.id}`, {
        version: 1,
        password: 'Fresh-meadow-river-8',
        currentPassword: 'Gentle-river-stone-42',
      }),
      200,
    );
    expect((await first.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await second.get('/api/v1/auth/me')).statusCode).toBe(401);
    // The operator resets it without knowing it, and every session of the dealer ends.
    expectStatus(
      await root.patch(`/api/v1/partners/${dealer.id}`, { version: 2, password: 'Operator-set-secret-3' }),
      200,
    );
    expect((await first.get('/api/v1/auth/me')).statusCode).toBe(401);
  });
});

describe('saving', () => {
  it('changes nothing, not even the version, when nothing changed', async () => {
    const partner = await createPartner(root, { phone: '+7 701 123 45 67' });
    const same = await root.patch(`/api/v1/partners/${partner.id}`, {
      version: 1,
      phone: '+77011234567',
      name: partner.name,
    });
    expect(expectStatus(same, 200)).toMatchObject({ version: 1 });
    const history = expectStatus<{ items: unknown[] }>(
      await root.get(`/api/v1/partners/${partner.id}/history`),
      200,
    );
    expect(history.items).toHaveLength(1);
  });

  it('refuses changes to an archived partner until it is restored', async () => {
    const partner = await createPartner(root);
    expectStatus(await root.delete(`/api/v1/partners/${partner.id}`), 200);
    const response = await root.patch(`/api/v1/partners/${partner.id}`, { version: 2, name: 'Too late' });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'archived' });
  });

  it('treats 1C codes that differ only in case as the same code', async () => {
    await createPartner(root, { code1c: 'case-77' });
    expect(fieldCodes(await root.post('/api/v1/partners', partnerInput({ code1c: 'CASE-77' })))).toEqual([
      'code1c:code1c_taken',
    ]);
  });

  it('answers 401 to a request without a session before looking at its body', async () => {
    const response = await anonymous(context.app).post('/api/v1/partners', {});
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'unauthorized', errors: [] });
  });
});

describe('list filters for the parent choice and the Email/Phone column', () => {
  it('leaves out a partner and its subtree, and matches email or phone', async () => {
    const top = await createPartner(root, { name: unique('Tree top '), email: 'top@tree.example' });
    const child = await createPartner(root, { parentId: top.id, phone: '+7 495 765 43 21' });
    const ids = async (query: string) =>
      expectStatus<{ items: { id: number }[] }>(
        await root.get(`/api/v1/partners?pageSize=500&${query}`),
        200,
      ).items.map((item) => item.id);
    const withoutTree = await ids(`excludeSubtreeOf=${top.id}`);
    expect(withoutTree).not.toContain(top.id);
    expect(withoutTree).not.toContain(child.id);
    expect(await ids('emailPhone=top@tree')).toEqual([top.id]);
    expect(await ids('emailPhone=4957654')).toEqual([child.id]);
  });
});
