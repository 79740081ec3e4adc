import fc from 'fast-check';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSuperAdmin, partnerInput } from '../../../test/builders.js';
import type { TestClient } from '../../../test/client.js';
import { useTestApp } from '../../../test/test-suite.js';

const { context } = useTestApp();
let root: TestClient;

beforeAll(async () => {
  root = await createSuperAdmin(context.app, context.database.db);
});

/** The ancestors of a partner by walking parent links: the model the stored paths must agree with. */
function modelPath(parents: Map<number, number | null>, id: number): number[] {
  const path: number[] = [];
  for (let current: number | null = id; current !== null; current = parents.get(current) ?? null)
    path.unshift(current);
  return path;
}

type Operation = { kind: 'create'; parent: number } | { kind: 'move'; partner: number; parent: number };

const operations = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant('create' as const), parent: fc.nat(20) }),
    fc.record({ kind: fc.constant('move' as const), partner: fc.nat(20), parent: fc.nat(21) }),
  ),
  { minLength: 4, maxLength: 14 },
);

describe('the partner tree under random creates and moves', () => {
  it('keeps every path equal to the parent chain, refuses every cycle, and scopes by subtree', async () => {
    await fc.assert(
      fc.asyncProperty(operations, async (steps: Operation[]) => {
        await sql`truncate audit_events, sessions, admin_users, partners restart identity cascade`.execute(
          context.database.db,
        );
        root = await createSuperAdmin(context.app, context.database.db);
        const parents = new Map<number, number | null>();
        const versions = new Map<number, number>();
        const ids = () => [...parents.keys()];

        for (const step of steps) {
          const existing = ids();
          if (step.kind === 'create') {
            // parent index 0 stands for "top level"; otherwise an existing partner.
            const parentId =
              existing.length === 0 || step.parent === 0 ? null : existing[step.parent % existing.length]!;
            const response = await root.post('/api/v1/partners', partnerInput({ parentId }));
            expect(response.statusCode, response.body).toBe(201);
            const created = response.json<{ id: number; version: number }>();
            parents.set(created.id, parentId);
            versions.set(created.id, created.version);
            continue;
          }
          if (existing.length === 0) continue;
          const partner = existing[step.partner % existing.length]!;
          const parentId =
            step.parent % (existing.length + 1) === existing.length
              ? null
              : existing[step.parent % existing.length]!;
          const response = await root.patch(`/api/v1/partners/${partner}`, {
            version: versions.get(partner),
            parentId,
          });
          const wouldCycle = parentId !== null && modelPath(parents, parentId).includes(partner);
          if (wouldCycle) {
            expect(response.statusCode, response.body).toBe(400);
            expect(response.json()).toMatchObject({ errors: [{ field: 'parentId', code: 'parent_cycle' }] });
          } else {
            expect(response.statusCode, response.body).toBe(200);
            parents.set(partner, parentId);
            versions.set(partner, response.json<{ version: number }>().version);
          }
        }

        const stored = await context.database.db
          .selectFrom('partners')
          .select(['id', 'parent_id', 'path'])
          .execute();
        for (const row of stored) {
          expect(row.parent_id).toBe(parents.get(row.id));
          expect(row.path).toEqual(modelPath(parents, row.id));
        }
        // Scoping: the subtree of each partner is exactly the partners whose parent chain passes through it.
        for (const id of ids()) {
          const inSubtree = await context.database.db
            .selectFrom('partners')
            .where(sql<boolean>`path @> array[${id}]::bigint[]`)
            .select('id')
            .orderBy('id')
            .execute();
          const expected = ids()
            .filter((candidate) => modelPath(parents, candidate).includes(id))
            .sort((a, b) => a - b);
          expect(inSubtree.map((row) => row.id)).toEqual(expected);
        }
      }),
      { numRuns: 15 },
    );
    // Fifteen random trees, each from empty tables: slow on a busy 2-core machine, not stuck.
  }, 120_000);
});
