import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, today } from '../../lib/clock.js';
import {
  createContract,
  createPartner,
  createSuperAdmin,
  createTariff,
  signInAsPartner,
} from '../../../test/builders.js';
import type { TestClient } from '../../../test/client.js';
import { useTestApp } from '../../../test/test-suite.js';

/*
 * POST /objects/reprice must not tell whether a tariff id exists (security review, finding 5): with a
 * target the caller cannot see, an existing tariff of another tree and an id no tariff has get the
 * same answer, and so do they with a target of its own.
 */
const { context } = useTestApp();
let dealer: TestClient;
let ownContractId: number;
let foreignContractId: number;
let foreignTariffId: number;

beforeAll(async () => {
  const root = await createSuperAdmin(context.app, context.database.db);
  const ownPartner = await createPartner(root);
  const foreignPartner = await createPartner(root);
  ownContractId = (await createContract(root, ownPartner.id)).id;
  foreignContractId = (await createContract(root, foreignPartner.id)).id;
  foreignTariffId = (await createTariff(root, { ownerPartnerId: foreignPartner.id })).id;
  dealer = await signInAsPartner(context.app, ownPartner);
});

const reprice = async (contractId: number, tariffId: number) => {
  const response = await dealer.post('/api/v1/objects/reprice', {
    contractId,
    tariffId,
    effectiveFrom: addDays(today(), 1),
  });
  return { status: response.statusCode, errors: response.json<{ errors: unknown[] }>().errors };
};

describe('reprice with a tariff the caller may not see', () => {
  it('answers a foreign target the same for an existing tariff and a missing one', async () => {
    const existing = await reprice(foreignContractId, foreignTariffId);
    const missing = await reprice(foreignContractId, 999_999_999);
    expect(existing).toEqual({
      status: 400,
      errors: [expect.objectContaining({ field: 'contractId', code: 'contract_not_found' })],
    });
    expect(missing).toEqual(existing);
  });

  it('answers its own target the same for a foreign tariff and a missing one', async () => {
    const existing = await reprice(ownContractId, foreignTariffId);
    const missing = await reprice(ownContractId, 999_999_999);
    expect(existing).toEqual({
      status: 400,
      errors: [expect.objectContaining({ field: 'tariffId', code: 'tariff_not_available' })],
    });
    expect(missing).toEqual(existing);
  });
});
