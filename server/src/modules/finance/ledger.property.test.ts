import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSuperAdmin, unique } from '../../../test/builders.js';
import { expectStatus, type TestClient } from '../../../test/client.js';
import { moneyRequest, type TransferBody } from '../../../test/money-builders.js';
import { createTestApp, type TestContext } from '../../../test/test-app.js';
import { expectLedgerConsistent } from '../../../test/ledger-checks.js';
import type { AccountType } from '../../db/schema.js';
import { decimal, formatAmount } from '../../lib/money.js';
import { nextPartnerId } from '../partners/partners.repository.js';

/*
 * Random partner trees with random contracts, and random payments, write-offs, deposit changes and
 * corrections on random contracts and partners, all through the API. After every run the ledger holds
 * its invariants (one currency per transfer, entries summing to zero per currency, every cached
 * balance equal to its entries, debt blocking by the account type's rule), and every balance equals
 * what a plain model of the operations expects.
 */

let context: TestContext;
let root: TestClient;

beforeAll(async () => {
  context = await createTestApp();
  root = await createSuperAdmin(context.app, context.database.db);
});
afterAll(() => context.close());

const accountTypes: AccountType[] = ['prepayment', 'postpayment', 'postpayment_light'];

const treeArbitrary = fc.array(
  fc.record({
    parent: fc.option(fc.nat(), { nil: null }),
    currency: fc.constantFrom('RUB', 'USD'),
    contracts: fc.array(
      fc.record({
        accountType: fc.constantFrom(...accountTypes),
        limitCents: fc.integer({ min: 0, max: 30000 }),
      }),
      { maxLength: 3 },
    ),
  }),
  { minLength: 1, maxLength: 5 },
);

type Tree = typeof treeArbitrary extends fc.Arbitrary<infer T> ? T : never;

const operationArbitrary = fc.record({
  kind: fc.constantFrom('payment', 'write_off', 'deposit', 'correction'),
  onContract: fc.boolean(),
  target: fc.nat(),
  cents: fc.integer({ min: 1, max: 100000 }),
});

interface Owner {
  type: 'partner' | 'contract';
  id: number;
}

const cents = (value: number) => formatAmount(decimal(value).dividedBy(100));

/** Partners (each with its administrator, so the form can be saved) and contracts, straight into the tables. */
async function buildTree(tree: Tree) {
  const db = context.database.db;
  const partners: { id: number; path: number[] }[] = [];
  const contracts: { id: number; accountType: AccountType; limit: string | null }[] = [];
  for (const [index, node] of tree.entries()) {
    const parent = node.parent === null || index === 0 ? null : partners[node.parent % index]!;
    const id = await nextPartnerId(db);
    const path = [...(parent?.path ?? []), id];
    await db
      .insertInto('partners')
      .values({
        id,
        parent_id: parent?.id ?? null,
        path,
        name: unique('Property partner '),
        currency: node.currency,
        account_type: 'prepayment',
      })
      .execute();
    await db
      .insertInto('admin_users')
      .values({ partner_id: id, role: 'partner_admin', login: unique('prop'), password_hash: 'x' })
      .execute();
    partners.push({ id, path });
    for (const contract of node.contracts) {
      const limit = contract.accountType === 'postpayment_light' ? cents(contract.limitCents) : null;
      const row = await db
        .insertInto('contracts')
        .values({
          partner_id: id,
          name: unique('Property contract '),
          currency: node.currency,
          account_type: contract.accountType,
          blocking_limit: limit,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      contracts.push({ id: Number(row.id), accountType: contract.accountType, limit });
    }
  }
  return { partners, contracts };
}

describe('the ledger under random operations', () => {
  it('keeps every invariant and every balance the model expects', async () => {
    await fc.assert(
      fc.asyncProperty(
        treeArbitrary,
        fc.array(operationArbitrary, { maxLength: 14 }),
        async (tree, operations) => {
          const { partners, contracts } = await buildTree(tree);
          const expected = new Map<string, ReturnType<typeof decimal>>();
          const deposits = new Map<string, string>();
          const key = (owner: Owner) => `${owner.type}:${owner.id}`;
          const move = (owner: Owner, delta: ReturnType<typeof decimal>) =>
            expected.set(key(owner), (expected.get(key(owner)) ?? decimal(0)).plus(delta));
          const correctable: { id: number; owner: Owner; delta: ReturnType<typeof decimal> }[] = [];

          for (const operation of operations) {
            const owner: Owner =
              operation.onContract && contracts.length > 0
                ? { type: 'contract', id: contracts[operation.target % contracts.length]!.id }
                : { type: 'partner', id: partners[operation.target % partners.length]!.id };
            const amount = cents(operation.cents);
            const target = owner.type === 'contract' ? { contractId: owner.id } : { partnerId: owner.id };
            if (operation.kind === 'payment' || operation.kind === 'write_off') {
              const endpoint = operation.kind === 'payment' ? 'payments' : 'write-offs';
              const transfer = expectStatus<TransferBody>(
                await moneyRequest(root, endpoint, { ...target, amount }),
                201,
              );
              const delta = operation.kind === 'payment' ? decimal(amount) : decimal(amount).negated();
              move(owner, delta);
              correctable.push({ id: transfer.id, owner, delta });
            } else if (operation.kind === 'deposit') {
              const url = `/api/v1/${owner.type}s/${owner.id}`;
              const current = expectStatus<{ version: number; deposit: string }>(await root.get(url), 200);
              expectStatus(await root.patch(url, { version: current.version, deposit: amount }), 200);
              move(owner, decimal(amount).minus(deposits.get(key(owner)) ?? '0'));
              deposits.set(key(owner), amount);
            } else if (correctable.length > 0) {
              const [original] = correctable.splice(operation.target % correctable.length, 1);
              expectStatus(
                await moneyRequest(root, 'corrections', {
                  transferId: original!.id,
                  comment: 'Property run',
                }),
                201,
              );
              move(original!.owner, original!.delta.negated());
            }
          }

          await expectLedgerConsistent(context.database.db);
          for (const contract of contracts) {
            const body = expectStatus<{ balance: string; debtBlocked: boolean }>(
              await root.get(`/api/v1/contracts/${contract.id}`),
              200,
            );
            const balance = expected.get(`contract:${contract.id}`) ?? decimal(0);
            expect(body.balance).toBe(formatAmount(balance));
            const shouldBlock =
              contract.accountType === 'prepayment'
                ? balance.lessThan(0)
                : contract.accountType === 'postpayment_light'
                  ? balance.lessThan(0) && balance.negated().greaterThanOrEqualTo(contract.limit!)
                  : false;
            expect(body.debtBlocked).toBe(shouldBlock);
          }
          for (const partner of partners) {
            const body = expectStatus<{ balance: string }>(
              await root.get(`/api/v1/partners/${partner.id}`),
              200,
            );
            expect(body.balance).toBe(formatAmount(expected.get(`partner:${partner.id}`) ?? decimal(0)));
          }
        },
      ),
      { numRuns: 30 },
    );
  });
});
