import { beforeAll, describe, expect, it } from 'vitest';
import { createContract, createPartner } from '../../../test/builders.js';
import { expectStatus } from '../../../test/client.js';
import { pay, writeOff } from '../../../test/money-builders.js';
import { useTestAppAsRoot } from '../../../test/test-suite.js';

/*
 * A contract with money on its balance is not archived (security review, finding 6): an archived
 * contract is never billed or paid again, so its debt would be lost, or its advance stranded.
 */
const { root } = useTestAppAsRoot();
let partnerId: number;

beforeAll(async () => {
  partnerId = (await createPartner(root)).id;
});

describe('archiving a contract that holds money', () => {
  it('is refused while the balance is in advance, and done once it is settled to 0.00', async () => {
    const contract = await createContract(root, partnerId);
    await pay(root, { contractId: contract.id }, '150.00');
    const refused = await root.request('DELETE', `/api/v1/contracts/${contract.id}`, undefined, {
      'accept-language': 'en',
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'contract_has_balance',
      title:
        'The contract still has money on its balance: settle it to 0.00 with a payment or a write-off before deleting the contract',
    });
    const card = expectStatus<{ archivedAt: string | null }>(
      await root.get(`/api/v1/contracts/${contract.id}`),
      200,
    );
    expect(card.archivedAt).toBeNull();

    await writeOff(root, { contractId: contract.id }, '150.00');
    const archived = expectStatus<{ archivedAt: string | null }>(
      await root.delete(`/api/v1/contracts/${contract.id}`),
      200,
    );
    expect(archived.archivedAt).not.toBeNull();
  });

  it("is refused while the contract is in debt, in the caller's language", async () => {
    const contract = await createContract(root, partnerId, { accountType: 'postpayment' });
    await writeOff(root, { contractId: contract.id }, '0.01');
    const refused = await root.request('DELETE', `/api/v1/contracts/${contract.id}`, undefined, {
      'accept-language': 'ru',
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'contract_has_balance',
      title:
        'На балансе договора ещё есть деньги: доведите баланс до 0.00 платежом или списанием, прежде чем удалять договор',
    });
  });

  it('archives a contract whose money never moved', async () => {
    const contract = await createContract(root, partnerId);
    expect(
      expectStatus<{ archivedAt: string | null }>(await root.delete(`/api/v1/contracts/${contract.id}`), 200)
        .archivedAt,
    ).not.toBeNull();
  });
});
