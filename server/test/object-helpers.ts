/*
 * Test support for the objects tests: a staff user, an object and its partner's counter read through
 * the API, an object's tariff pins read from the table.
 */
import type { Db } from '../src/db/connect.js';
import { hashPassword } from '../src/lib/password-hash.js';
import { insertAdminUser } from '../src/modules/auth/auth.public.js';
import type { App } from '../src/app.js';
import { expectStatus, signIn, type TestClient } from './client.js';
import { PARTNER_PASSWORD, unique, type ObjectResponseBody } from './builders.js';

/** A staff user of a partner (not its administrator), signed in. */
export async function signInAsStaff(
  app: App,
  db: Db,
  partnerId: number,
  rights: string[] = ['objects:write', 'contracts:read'],
): Promise<TestClient> {
  const login = unique('staff');
  await insertAdminUser(db, {
    partnerId,
    role: 'staff',
    rights,
    login,
    name: 'Staff',
    passwordHash: await hashPassword(PARTNER_PASSWORD),
  });
  return signIn(app, login, PARTNER_PASSWORD);
}

export async function getObjectBody(client: TestClient, id: number) {
  return expectStatus<ObjectResponseBody>(await client.get(`/api/v1/objects/${id}`), 200);
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
