import { describe, expect, it } from 'vitest';
import {
  createContract,
  createPartner,
  createPortalUser,
  signInAsPartner,
  unique,
  type CreatedPartner,
} from '../../../test/builders.js';
import { expectStatus, type TestClient } from '../../../test/client.js';
import { useTestAppAsRoot } from '../../../test/test-suite.js';

const { context, root } = useTestAppAsRoot();

interface Blockable {
  id: number;
  blockedBy: { id: number | null; name: string | null } | null;
}

async function setBlocks(partner: CreatedPartner, blocks: { blocked?: boolean; usersBlocked?: boolean }) {
  const current = expectStatus<{ version: number }>(await root.get(`/api/v1/partners/${partner.id}`), 200);
  expectStatus(
    await root.patch(`/api/v1/partners/${partner.id}`, { version: current.version, ...blocks }),
    200,
  );
}

/** What a record's window and its list row say blocks it. */
async function blockedBy(client: TestClient, kind: 'partners' | 'contracts' | 'users', id: number) {
  const one = expectStatus<Blockable>(await client.get(`/api/v1/${kind}/${id}`), 200);
  const list = expectStatus<{ items: Blockable[] }>(await client.get(`/api/v1/${kind}?pageSize=200`), 200);
  const row = list.items.find((item) => item.id === id);
  expect(row?.blockedBy).toEqual(one.blockedBy);
  return one.blockedBy;
}

describe('"Blocked by partner X" in windows and lists', () => {
  it('names the nearest blocking partner up the tree, and only one the caller may see', async () => {
    const dealer = await createPartner(root, { name: unique('Blocking Dealer ') });
    const subDealer = await createPartner(root, { name: unique('Sub Dealer '), parentId: dealer.id });
    const contract = await createContract(root, subDealer.id);
    const user = await createPortalUser(root, contract.id);
    for (const [kind, id] of [
      ['partners', subDealer.id],
      ['contracts', contract.id],
      ['users', user.id],
    ] as const) {
      expect(await blockedBy(root, kind, id)).toBeNull();
    }

    // Block Partner on the dealer: its sub-partner, its contracts' and users' logins are refused.
    await setBlocks(dealer, { blocked: true });
    const byDealer = { id: dealer.id, name: dealer.name };
    expect(await blockedBy(root, 'partners', subDealer.id)).toEqual(byDealer);
    expect(await blockedBy(root, 'contracts', contract.id)).toEqual(byDealer);
    expect(await blockedBy(root, 'users', user.id)).toEqual(byDealer);
    // A partner's own block is its Blocked switch, not "blocked by" itself.
    expect(await blockedBy(root, 'partners', dealer.id)).toBeNull();

    // The nearest one wins: the sub-dealer's own Block users of accounts partner.
    await setBlocks(subDealer, { usersBlocked: true });
    const bySubDealer = { id: subDealer.id, name: subDealer.name };
    expect(await blockedBy(root, 'contracts', contract.id)).toEqual(bySubDealer);
    expect(await blockedBy(root, 'users', user.id)).toEqual(bySubDealer);
    // Block users blocks portal users, not the partner's own administrators.
    expect(await blockedBy(root, 'partners', subDealer.id)).toEqual(byDealer);

    // Above the caller's own partner a block is told without a name the caller may not see.
    await setBlocks(dealer, { blocked: false, usersBlocked: true });
    await setBlocks(subDealer, { usersBlocked: false });
    const subDealerAdmin = await signInAsPartner(context.app, subDealer);
    expect(await blockedBy(subDealerAdmin, 'contracts', contract.id)).toEqual({ id: null, name: null });
    expect(await blockedBy(subDealerAdmin, 'users', user.id)).toEqual({ id: null, name: null });
    expect(await blockedBy(root, 'contracts', contract.id)).toEqual(byDealer);

    // Unblocked: nothing is said.
    await setBlocks(dealer, { usersBlocked: false });
    expect(await blockedBy(root, 'users', user.id)).toBeNull();
  });

  it('counts what blocking a partner reaches, for the confirmation', async () => {
    const dealer = await createPartner(root, { name: unique('Impact Dealer ') });
    const subDealer = await createPartner(root, { parentId: dealer.id });
    await createPartner(root, { parentId: subDealer.id });
    const own = await createContract(root, dealer.id);
    const below = await createContract(root, subDealer.id);
    await createPortalUser(root, own.id);
    await createPortalUser(root, below.id);
    await createPortalUser(root, below.id);
    // Two sessions of the sub-dealer's administrator, one of the dealer's.
    await signInAsPartner(context.app, subDealer);
    await signInAsPartner(context.app, subDealer);
    await signInAsPartner(context.app, dealer);
    expect(expectStatus(await root.get(`/api/v1/partners/${dealer.id}/block-impact`), 200)).toEqual({
      subPartners: 2,
      contracts: 2,
      portalUsers: 3,
      panelUsers: 3,
      sessions: 3,
    });
    expect(expectStatus(await root.get(`/api/v1/partners/${subDealer.id}/block-impact`), 200)).toEqual({
      subPartners: 1,
      contracts: 1,
      portalUsers: 2,
      panelUsers: 2,
      sessions: 2,
    });
    const outsider = await signInAsPartner(context.app, subDealer);
    expect((await outsider.get(`/api/v1/partners/${dealer.id}/block-impact`)).statusCode).toBe(404);
  });
});
