import type { App } from '../src/app.js';
import { expectStatus, signIn, type TestClient } from './client.js';
import { PARTNER_PASSWORD, unique } from './builders.js';

/** A staff user as the API answers it. */
export interface StaffBody {
  id: number;
  partnerId: number | null;
  role: string;
  login: string;
  name: string | null;
  email: string | null;
  rights: string[];
  blocked: boolean;
  version: number;
  archivedAt: string | null;
}

/** Adds a staff user with these rights to a partner (null: the platform), through the API. */
export async function createStaffUser(
  client: TestClient,
  partnerId: number | null,
  rights: string[],
  overrides: Record<string, unknown> = {},
): Promise<StaffBody> {
  const response = await client.post('/api/v1/staff', {
    partnerId,
    login: unique('staff'),
    name: 'Staff Member',
    password: PARTNER_PASSWORD,
    rights,
    ...overrides,
  });
  return expectStatus<StaffBody>(response, 201);
}

/** A staff user with these rights, made by `client` and signed in. */
export async function signInAsNewStaff(
  app: App,
  client: TestClient,
  partnerId: number | null,
  rights: string[],
): Promise<{ staff: StaffBody; client: TestClient }> {
  const staff = await createStaffUser(client, partnerId, rights);
  return { staff, client: await signIn(app, staff.login, PARTNER_PASSWORD) };
}

/** Makes an API token of the client's user; returns the token and its id. */
export async function createApiToken(
  client: TestClient,
  rights: string[],
  overrides: Record<string, unknown> = {},
): Promise<{ id: number; token: string }> {
  const response = await client.post('/api/v1/api-tokens', { name: unique('Token '), rights, ...overrides });
  return expectStatus<{ id: number; token: string }>(response, 201);
}
