import type { Static } from 'typebox';
import type { App } from '../src/app.js';
import type { Db } from '../src/db/connect.js';
import { hashPassword } from '../src/lib/password-hash.js';
import { insertAdminUser } from '../src/modules/auth/auth.repository.js';
import type { HistoryResponse } from '../src/modules/audit/audit.schemas.js';
import type { ContractCreate, ContractResponse } from '../src/modules/contracts/contracts.schemas.js';
import type { ObjectCreate, ObjectResponse } from '../src/modules/objects/objects.schemas.js';
import type { PartnerCreate, PartnerResponse } from '../src/modules/partners/partners.schemas.js';
import type { TariffCreate, TariffDetailResponse } from '../src/modules/tariffs/tariffs.schemas.js';
import type { UserCreate, UserResponse } from '../src/modules/users/users.schemas.js';
import { expectStatus, signIn, type TestClient } from './client.js';

/*
 * Builders of valid records through the API. Their overrides are typed by the server's own create
 * schemas, so a builder can only send what the API accepts; a test that means to send something the
 * schema refuses sends it raw, where the call site can say so.
 */

/** The answers of the API, typed by the server's response schemas. */
export type PartnerResponseBody = Static<typeof PartnerResponse>;
/** A tariff as GET /tariffs/:id and the changes answer it. */
export type TariffResponseBody = Static<typeof TariffDetailResponse>;
export type ContractResponseBody = Static<typeof ContractResponse>;
export type ObjectResponseBody = Static<typeof ObjectResponse>;
export type UserResponseBody = Static<typeof UserResponse>;
export type HistoryResponseBody = Static<typeof HistoryResponse>;
/** A partner created here: it always has an administrator, whose login tests sign in with. */
export type CreatedPartner = PartnerResponseBody & { login: string };

export const SUPER_ADMIN_PASSWORD = 'Operator-passphrase-2026';
/** A password every partner built here gets, so tests can sign in as any of them. */
export const PARTNER_PASSWORD = 'Gentle-river-stone-42';

let sequence = 0;
/** A unique suffix, so builders never collide with each other's logins and codes. */
export const unique = (prefix: string) => `${prefix}${++sequence}${Math.random().toString(36).slice(2, 6)}`;

export async function createSuperAdmin(app: App, db: Db, login = unique('root')): Promise<TestClient> {
  await insertAdminUser(db, {
    partnerId: null,
    role: 'super_admin',
    login,
    name: 'Operator',
    passwordHash: await hashPassword(SUPER_ADMIN_PASSWORD),
  });
  return signIn(app, login, SUPER_ADMIN_PASSWORD);
}

/** The smallest valid partner: the required fields only. */
export function partnerInput(overrides: Partial<PartnerCreate> = {}): PartnerCreate {
  return {
    name: unique('Partner '),
    currency: 'RUB',
    accountType: 'prepayment',
    login: unique('login'),
    password: PARTNER_PASSWORD,
    ...overrides,
  };
}

export async function createPartner(
  client: TestClient,
  overrides: Partial<PartnerCreate> = {},
): Promise<CreatedPartner> {
  const response = await client.post('/api/v1/partners', partnerInput(overrides));
  const partner = expectStatus<PartnerResponseBody>(response, 201);
  if (partner.login === null) throw new Error('a partner created with a login answers without it');
  return { ...partner, login: partner.login };
}

export async function signInAsPartner(app: App, partner: { login: string }) {
  return signIn(app, partner.login, PARTNER_PASSWORD);
}

export async function createTariff(client: TestClient, overrides: Partial<TariffCreate> = {}) {
  const input: TariffCreate = {
    name: unique('Tariff '),
    currency: 'RUB',
    period: 'month',
    price: '300.00',
    ...overrides,
  };
  return expectStatus<TariffResponseBody>(await client.post('/api/v1/tariffs', input), 201);
}

/** The smallest valid contract of a partner (a RUB partner unless the overrides say otherwise). */
export async function createContract(
  client: TestClient,
  partnerId: number,
  overrides: Partial<ContractCreate> = {},
) {
  const input: ContractCreate = {
    partnerId,
    name: unique('Contract '),
    currency: 'RUB',
    accountType: 'prepayment',
    ...overrides,
  };
  return expectStatus<ContractResponseBody>(await client.post('/api/v1/contracts', input), 201);
}

/** A valid 15-digit IMEI (its last digit is the Luhn check digit), unique to this run. */
export function uniqueImei(): string {
  const body = `35${String(++sequence).padStart(6, '0')}${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
  const digits = [...body].map(Number);
  const sum = digits.reduce((total, digit, index) => {
    // Luhn from the right: the digit next to the check digit is doubled.
    if ((digits.length - index) % 2 === 1) {
      const doubled = digit * 2;
      return total + (doubled > 9 ? doubled - 9 : doubled);
    }
    return total + digit;
  }, 0);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

/** An object of a contract; the contract (or its partner or an ancestor) must have a tariff. */
export async function createObject(
  client: TestClient,
  contractId: number,
  overrides: Partial<ObjectCreate> = {},
) {
  const input: ObjectCreate = { contractId, name: unique('Truck '), deviceId: uniqueImei(), ...overrides };
  return expectStatus<ObjectResponseBody>(await client.post('/api/v1/objects', input), 201);
}

/** A password both user policies accept (12+ characters, strength 4, not common). */
export const PORTAL_PASSWORD = 'Quiet-harbour-lantern-73';

export async function createPortalUser(
  client: TestClient,
  contractId: number,
  overrides: Partial<UserCreate> = {},
) {
  const input: UserCreate = {
    contractId,
    login: unique('user'),
    name: 'Portal User',
    password: PORTAL_PASSWORD,
    type: 'user',
    ...overrides,
  };
  return expectStatus<UserResponseBody>(await client.post('/api/v1/users', input), 201);
}

/**
 * A partner that sells a platform tariff (its Price), so objects can be added to its contracts, and its
 * administrator signed in. A fresh tariff unless the overrides name one.
 */
export async function createDealer(root: TestClient, overrides: Partial<PartnerCreate> = {}) {
  const tariffId = overrides.priceTariffId ?? (await createTariff(root)).id;
  const dealer = await createPartner(root, { ...overrides, priceTariffId: tariffId });
  return { tariffId, dealer, dealerSession: await signInAsPartner(root.app, dealer) };
}
