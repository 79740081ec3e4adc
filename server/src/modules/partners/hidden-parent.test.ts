import { beforeAll, describe, expect, it } from 'vitest';
import {
  createPartner,
  createTariff,
  signInAsPartner,
  unique,
  type CreatedPartner,
} from '../../../test/builders.js';
import { expectStatus, type TestClient } from '../../../test/client.js';
import { useTestAppAsRoot } from '../../../test/test-suite.js';

/*
 * A partner administrator's own partner hangs under a parent outside its subtree, which does not exist
 * for it (security review, finding 4): no filter, order, history line or tariff filter may confirm that
 * parent's id or read its name.
 */
const { context, root } = useTestAppAsRoot();
let dealer: CreatedPartner;
let sub: CreatedPartner;
let child: CreatedPartner;
let subAdmin: TestClient;

interface Page {
  items: { id: number }[];
  total: number;
}

beforeAll(async () => {
  // Names chosen so that the hidden parent's name would sort the sub-partner first.
  dealer = await createPartner(root, { name: unique('Aaa dealer ') });
  sub = await createPartner(root, { name: unique('Zzz sub '), parentId: dealer.id });
  child = await createPartner(root, { name: unique('Mmm child '), parentId: sub.id });
  subAdmin = await signInAsPartner(context.app, sub);
});

const list = async (client: TestClient, query: string) =>
  expectStatus<Page>(await client.get(`/api/v1/partners?${query}`), 200);

describe('the hidden parent of a partner administrator', () => {
  it('is not confirmed by a filter on the parent id: the same answer as an id nobody has', async () => {
    const byParent = await list(subAdmin, `parentId=${dealer.id}`);
    expect(byParent).toEqual({ items: [], total: 0 });
    expect(await list(subAdmin, 'parentId=999999999')).toEqual(byParent);
    // The filter still works inside the subtree.
    expect((await list(subAdmin, `parentId=${sub.id}`)).items.map((item) => item.id)).toEqual([child.id]);
    // And for whoever may see the parent.
    expect((await list(root, `parentId=${dealer.id}`)).items.map((item) => item.id)).toEqual([sub.id]);
  });

  it('is not read letter by letter through the filter on the parent name', async () => {
    expect(await list(subAdmin, 'parentName=Aaa')).toEqual({ items: [], total: 0 });
    expect(await list(subAdmin, `parentName=${encodeURIComponent(dealer.name)}`)).toEqual({
      items: [],
      total: 0,
    });
    expect((await list(subAdmin, 'parentName=Zzz')).items.map((item) => item.id)).toEqual([child.id]);
  });

  it('does not order the own row by the parent name: it sorts as having none', async () => {
    const ascending = await list(subAdmin, 'sort=parent&order=asc');
    expect(ascending.items.map((item) => item.id)).toEqual([child.id, sub.id]);
  });

  it('is not named in the own partner History, while the operator still sees it', async () => {
    type History = { items: { action: string; changes: { field: string; newValue: unknown }[] }[] };
    const own = expectStatus<History>(await subAdmin.get(`/api/v1/partners/${sub.id}/history`), 200);
    const fields = own.items.flatMap((item) => item.changes.map((change) => change.field));
    expect(fields).not.toContain('parentId');
    expect(own.items.map((item) => item.action)).toEqual(['created']);
    const operators = expectStatus<History>(await root.get(`/api/v1/partners/${sub.id}/history`), 200);
    expect(operators.items[0]!.changes).toContainEqual(
      expect.objectContaining({ field: 'parentId', newValue: dealer.id }),
    );
  });

  it('is not confirmed by a filter of tariffs on their owner', async () => {
    const tariff = await createTariff(root, { ownerPartnerId: dealer.id });
    const byOwner = expectStatus<Page>(
      await subAdmin.get(`/api/v1/tariffs?ownerPartnerId=${dealer.id}`),
      200,
    );
    expect(byOwner).toEqual({ items: [], total: 0 });
    const nobody = expectStatus<Page>(await subAdmin.get('/api/v1/tariffs?ownerPartnerId=999999999'), 200);
    expect(nobody).toEqual(byOwner);
    // The dealer's tariff is still offered to it, without naming its owner.
    const all = expectStatus<Page>(await subAdmin.get('/api/v1/tariffs?pageSize=500'), 200);
    expect(all.items.map((item) => item.id)).toContain(tariff.id);
  });
});
