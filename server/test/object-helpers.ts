/*
 * Test support for the objects tests: contracts are inserted straight into the table, so these tests
 * depend on the contracts table only, not on the rules of the contracts API.
 */
import type { Db } from '../src/db/connect.js';
import { hashPassword } from '../src/lib/password-hash.js';
import { insertAdminUser } from '../src/modules/auth/auth.public.js';
import type { App } from '../src/app.js';
import { expectStatus, signIn, type TestClient } from './client.js';
import { PARTNER_PASSWORD, unique } from './builders.js';

export interface ObjectBody {
  id: number;
  partnerId: number;
  partner: { id: number; name: string };
  contractId: number;
  contract: { id: number; name: string };
  name: string;
  deviceId: string;
  deviceType: string | null;
  simPhone: string | null;
  sim2Phone: string | null;
  iccid: string | null;
  simProvider: string | null;
  plateNumber: string | null;
  active: boolean;
  activeFrom: string;
  activeUntil: string | null;
  tariffId: number;
  tariff: { id: number; name: string };
  tariffPinnedAt: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
}

export interface HistoryBody {
  items: {
    action: string;
    actor: { login: string } | null;
    changes: { field: string; oldValue: unknown; newValue: unknown }[];
  }[];
}

export async function insertContract(
  db: Db,
  partnerId: number,
  options: {
    tariffId?: number | null;
    currency?: string;
    isWarehouse?: boolean;
    archived?: boolean;
    name?: string;
  } = {},
): Promise<number> {
  const row = await db
    .insertInto('contracts')
    .values({
      partner_id: partnerId,
      name: options.name ?? unique('Contract '),
      currency: options.currency ?? 'RUB',
      account_type: 'prepayment',
      tariff_id: options.tariffId ?? null,
      is_warehouse: options.isWarehouse ?? false,
      archived_at: options.archived ? new Date() : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A staff user of a partner (not its administrator), signed in. */
export async function signInAsStaff(app: App, db: Db, partnerId: number): Promise<TestClient> {
  const login = unique('staff');
  await insertAdminUser(db, {
    partnerId,
    role: 'partner_staff',
    login,
    name: 'Staff',
    passwordHash: await hashPassword(PARTNER_PASSWORD),
  });
  return signIn(app, login, PARTNER_PASSWORD);
}

export async function getObjectBody(client: TestClient, id: number) {
  return expectStatus<ObjectBody>(await client.get(`/api/v1/objects/${id}`), 200);
}

export async function vehiclesCount(client: TestClient, partnerId: number) {
  return expectStatus<{ vehiclesCount: number }>(await client.get(`/api/v1/partners/${partnerId}`), 200)
    .vehiclesCount;
}

/** Pins of an object as billing reads them, oldest first. */
export async function pinsOf(db: Db, objectId: number) {
  return db
    .selectFrom('object_tariffs')
    .where('object_id', '=', objectId)
    .orderBy('effective_from')
    .select(['tariff_id', 'effective_from'])
    .execute();
}

export { addDays } from '../src/lib/clock.js';
