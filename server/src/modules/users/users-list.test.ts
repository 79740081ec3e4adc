import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStatus, type TestClient } from '../../../test/client.js';
import {
  createContract,
  createPartner,
  createPortalUser,
  createSuperAdmin,
  signInAsPartner,
  unique,
  type CreatedPartner,
  type ContractResponseBody,
} from '../../../test/builders.js';
import { createTestApp, type TestContext } from '../../../test/test-app.js';

let context: TestContext;
let root: TestClient;
let dealer: CreatedPartner;
let subDealer: CreatedPartner;
let dealerSession: TestClient;
let contractA: ContractResponseBody;
let contractB: ContractResponseBody;
const logins = {} as Record<'anna' | 'boris' | 'vera' | 'sub' | 'foreign', string>;

beforeAll(async () => {
  context = await createTestApp();
  root = await createSuperAdmin(context.app, context.database.db);
  dealer = await createPartner(root);
  subDealer = await createPartner(root, { parentId: dealer.id });
  const foreign = await createPartner(root);
  dealerSession = await signInAsPartner(context.app, dealer);
  contractA = await createContract(root, dealer.id, { name: 'Alpha logistics' });
  contractB = await createContract(root, dealer.id, { name: 'Beta transport' });
  const subContract = await createContract(root, subDealer.id, { name: 'Gamma' });
  const foreignContract = await createContract(root, foreign.id);
  const tag = unique('x');
  const build = async (key: keyof typeof logins, contractId: number, overrides: Record<string, unknown>) => {
    logins[key] = `${key}.${tag}`;
    await createPortalUser(root, contractId, { login: logins[key], ...overrides });
  };
  await build('anna', contractA.id, {
    name: 'Anna Smirnova',
    email: 'anna@fleet.example',
    type: 'administrator',
  });
  await build('boris', contractA.id, { name: 'Boris Orlov', phone: '+77011234567' });
  await build('vera', contractB.id, { name: 'Vera Ivanova', blocked: true });
  await build('sub', subContract.id, { name: 'Sub User' });
  await build('foreign', foreignContract.id, { name: 'Anna Foreign' });
});
afterAll(() => context.close());

type List = { items: { login: string }[]; total: number };
const loginsOf = async (client: TestClient, query: string) => {
  const list = expectStatus<List>(await client.get(`/api/v1/users?${query}`), 200);
  return { logins: list.items.map((item) => item.login), total: list.total };
};

describe('the portal users list', () => {
  it("holds the caller's subtree only, sub-partners' users included", async () => {
    expect(await loginsOf(dealerSession, 'sort=login')).toEqual({
      logins: [logins.anna, logins.boris, logins.sub, logins.vera],
      total: 4,
    });
  });

  it.each([
    ['search=anna', ['anna']],
    ['search=ORLOV', ['boris']],
    ['search=fleet.example', ['anna']],
    ['search=7011234', ['boris']],
    ['type=administrator', ['anna']],
    ['blocked=true', ['vera']],
    ['blocked=false&sort=login', ['anna', 'boris', 'sub']],
  ] as const)('filters by %s', async (query, expected) => {
    const result = await loginsOf(dealerSession, query);
    expect(result.logins).toEqual(expected.map((key) => logins[key]));
  });

  it('filters by contract and by partner', async () => {
    expect((await loginsOf(dealerSession, `contractId=${contractA.id}&sort=login`)).logins).toEqual([
      logins.anna,
      logins.boris,
    ]);
    expect((await loginsOf(dealerSession, `partnerId=${subDealer.id}`)).logins).toEqual([logins.sub]);
  });

  it('sorts by contract name descending and pages', async () => {
    const first = await loginsOf(dealerSession, 'sort=contract&order=desc&pageSize=2');
    expect(first.total).toBe(4);
    expect(first.logins).toEqual([logins.sub, logins.vera]);
    const second = await loginsOf(dealerSession, 'sort=contract&order=desc&pageSize=2&page=2');
    expect(second.logins.sort()).toEqual([logins.anna, logins.boris].sort());
  });

  it('refuses an unknown sort column', async () => {
    expect((await dealerSession.get('/api/v1/users?sort=password')).statusCode).toBe(400);
  });
});
