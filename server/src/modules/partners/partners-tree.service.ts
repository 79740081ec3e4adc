import type { Db } from '../../db/connect.js';
import { invalid, notFound } from '../../lib/errors.js';
import { emptyToNull } from '../../lib/text.js';
import { scopeOf, type Actor } from '../auth/auth.public.js';
import { findPartnerInScope, type Scope } from '../scope/scope.public.js';
import {
  listTreeLevel,
  searchTree,
  TREE_LEVEL_LIMIT,
  TREE_SEARCH_LIMIT,
  type TreeNodeRow,
} from './partners-tree.repository.js';
import type { PartnerTreeQuery } from './partners.schemas.js';

/**
 * A partner of the tree as the caller is shown it. The root of a partner administrator's (or its
 * staff's) tree hangs under a parent outside its subtree, which does not exist for it: its parentId
 * is null, as a top-level partner's is for the super administrator.
 */
function nodeFor(scope: Scope) {
  return (row: TreeNodeRow) => ({
    id: row.id,
    name: row.name,
    parentId: scope.kind === 'subtree' && row.id === scope.rootPartnerId ? null : row.parent_id,
    blocked: row.blocked,
    usersBlocked: row.users_blocked,
    archived: row.archived,
    subPartners: row.sub_partners,
    archivedSubPartners: row.archived_sub_partners,
    accountsCount: row.accounts_count,
    vehiclesCount: row.vehicles_count,
    match: row.match,
  });
}

function answer(scope: Scope, rows: TreeNodeRow[], limit: number) {
  const total = rows[0]?.total ?? 0;
  return { items: rows.map(nodeFor(scope)), total, capped: total > limit };
}

/**
 * The partner tree of the caller's subtree, lazily: the caller's roots (the platform's top-level
 * partners for the super administrator, its own partner for a partner's administrator or staff), the
 * sub-partners of `parentId` (404 when the caller may not see it, exactly as for a missing one), or,
 * with `search`, the partners the list's Search finds with their ancestors.
 */
export async function partnerTree(options: { db: Db; actor: Actor; query: PartnerTreeQuery }) {
  const { db, actor, query } = options;
  const scope = scopeOf(actor);
  const showDeleted = query.showDeleted ?? false;
  const search = emptyToNull(query.search);
  if (search !== null) {
    // A search covers the caller's whole tree: a parent besides it would be ignored, so it is refused.
    if (query.parentId !== undefined) throw invalid([{ field: 'parentId', code: 'tree_search_with_parent' }]);
    return answer(scope, await searchTree(db, { scope, search, showDeleted }), TREE_SEARCH_LIMIT);
  }
  if (query.parentId === undefined) {
    return answer(scope, await listTreeLevel(db, { kind: 'roots', scope }, showDeleted), TREE_LEVEL_LIMIT);
  }
  if (!(await findPartnerInScope(db, query.parentId, scope))) throw notFound();
  const rows = await listTreeLevel(db, { kind: 'children', parentId: query.parentId }, showDeleted);
  return answer(scope, rows, TREE_LEVEL_LIMIT);
}
