import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/connect.js';
import { scopedPath, type Scope } from '../scope/scope.public.js';
import { partnerSearchMatches } from './partners.repository.js';

/*
 * The partner tree as the Partners section shows it: one level at a time, or the partners a search
 * finds with their ancestors. Each answer is one statement whatever its size: the level (or the matches)
 * is cut first, then its rows are joined to their names and to the counts of their own sub-partners,
 * grouped once over partners' parent index.
 */

/** A level lists its first this many partners (by name); the rest are found by the search. */
export const TREE_LEVEL_LIMIT = 500;
/** A search answers its first this many matches (by name), with their ancestors. */
export const TREE_SEARCH_LIMIT = 50;

/** Which partners a level lists: a partner's sub-partners, or the roots of the caller's tree. */
export type TreeLevel = { kind: 'children'; parentId: number } | { kind: 'roots'; scope: Scope };

export interface TreeNodeRow {
  id: number;
  name: string;
  parent_id: number | null;
  blocked: boolean;
  users_blocked: boolean;
  archived: boolean;
  accounts_count: number;
  vehicles_count: number;
  /** Its live (not archived) sub-partners. */
  sub_partners: number;
  archived_sub_partners: number;
  /** A search found it (else it is an ancestor of one it found); false in a level. */
  match: boolean;
  /** The level's partners, or the search's matches, before the cut. */
  total: number;
}

/** Live partners only, unless archived ones are asked for too. */
const shown = (showDeleted: boolean) =>
  showDeleted ? sql<boolean>`true` : sql<boolean>`p.archived_at is null`;

/**
 * The tree's rows of the partners a CTE of ids (`nodes`) names, in name order; `counted` is the CTE whose
 * `total` column holds the count before the cut. Ids go in as arrays, so both partners and its parent
 * index are read by index, row by row, not scanned whole.
 */
function treeRows(
  nodes: RawBuilder<unknown>,
  more: { match: RawBuilder<boolean>; counted: RawBuilder<unknown> },
) {
  return sql<TreeNodeRow>`
    select p.id, p.name, p.parent_id, p.blocked, p.users_blocked, p.archived_at is not null as archived,
           p.accounts_count, p.vehicles_count,
           coalesce(k.live, 0) as sub_partners, coalesce(k.archived, 0) as archived_sub_partners,
           ${more.match} as match, (select max(total) from ${more.counted}) as total
      from partners p
      left join (
        select c.parent_id,
               (count(*) filter (where c.archived_at is null))::int as live,
               (count(*) filter (where c.archived_at is not null))::int as archived
          from partners c
         where c.parent_id = any(array(select id from ${nodes}))
         group by c.parent_id
      ) k on k.parent_id = p.id
     where p.id = any(array(select id from ${nodes}))
     order by lower(p.name), p.id`;
}

/** One level of the tree: its first TREE_LEVEL_LIMIT partners by name, and how many it holds. */
export async function listTreeLevel(db: Db, level: TreeLevel, showDeleted: boolean): Promise<TreeNodeRow[]> {
  const which =
    level.kind === 'children'
      ? sql<boolean>`p.parent_id = ${level.parentId}`
      : level.scope.kind === 'platform'
        ? sql<boolean>`p.parent_id is null`
        : sql<boolean>`p.id = ${level.scope.rootPartnerId}`;
  const result = await sql<TreeNodeRow>`
    with level as (
      select p.id, (count(*) over ())::int as total
        from partners p
       where ${which} and ${shown(showDeleted)}
       order by lower(p.name), p.id
       limit ${TREE_LEVEL_LIMIT}
    )
    ${treeRows(sql.table('level'), { match: sql<boolean>`false`, counted: sql.table('level') })}`.execute(db);
  return result.rows;
}

/**
 * The partners of the scope the list's Search finds (its first TREE_SEARCH_LIMIT by name), each with its
 * ancestors inside the scope, so the tree can open down to it; each partner once.
 */
export async function searchTree(
  db: Db,
  options: { scope: Scope; search: string; showDeleted: boolean },
): Promise<TreeNodeRow[]> {
  const inScope = scopedPath(options.scope, sql.ref('p.path'));
  const result = await sql<TreeNodeRow>`
    with matches as (
      select p.id, p.path, (count(*) over ())::int as total
        from partners p
       where ${inScope} and ${shown(options.showDeleted)} and ${partnerSearchMatches(options.search)}
       order by lower(p.name), p.id
       limit ${TREE_SEARCH_LIMIT}
    ),
    found as (
      select p.id
        from partners p
       where p.id = any(array(select distinct unnest(path) from matches)) and ${inScope}
    )
    ${treeRows(sql.table('found'), {
      match: sql<boolean>`p.id in (select id from matches)`,
      counted: sql.table('matches'),
    })}`.execute(db);
  return result.rows;
}
