import { sql, type ExpressionBuilder } from 'kysely';
import type { Db } from '../../db/connect.js';
import type { Database, TariffPeriod } from '../../db/schema.js';
import { likePattern } from '../../lib/text.js';
import { partnerPathInScope, type Scope } from '../scope/scope.public.js';

type TariffEb = ExpressionBuilder<Database & { t: Database['tariffs'] }, 't'>;

/*
 * A partner sees the platform's tariffs, those of its ancestors and itself (which it may sell), and
 * those of its sub-partners (which it manages).
 */
function visibleIn(scope: Scope, actorPath: readonly number[]) {
  return (eb: TariffEb) => {
    if (scope.kind === 'platform') return eb.lit(true);
    return eb.or([
      eb('t.owner_partner_id', 'is', null),
      eb('t.owner_partner_id', '=', eb.fn.any(eb.val(actorPath as number[]))),
      eb.exists(
        eb
          .selectFrom('partners as o')
          .select('o.id')
          .whereRef('o.id', '=', 't.owner_partner_id')
          .where((inner) => partnerPathInScope(inner, scope, 'o.path')),
      ),
    ]);
  };
}

function selectTariffs(db: Db) {
  return db
    .selectFrom('tariffs as t')
    .leftJoin('partners as o', 'o.id', 't.owner_partner_id')
    .select((eb) => [
      't.id',
      't.name',
      't.currency',
      't.period',
      't.owner_partner_id',
      'o.name as owner_partner_name',
      'o.path as owner_path',
      't.version',
      't.created_at',
      't.archived_at',
      eb
        .selectFrom('tariff_versions as v')
        .whereRef('v.tariff_id', '=', 't.id')
        .select((inner) =>
          sql<{ id: number; price: string; effectiveFrom: string }[]>`coalesce(json_agg(json_build_object(
            'id', ${inner.ref('v.id')}, 'price', ${inner.ref('v.price')}::text,
            'effectiveFrom', ${inner.ref('v.effective_from')}::text)
            order by ${inner.ref('v.effective_from')}), '[]'::json)`.as('versions'),
        )
        .as('versions'),
    ]);
}

export type TariffRecord = Awaited<ReturnType<typeof findTariff>> & object;

export async function findTariff(db: Db, id: number, scope: Scope, actorPath: readonly number[]) {
  return selectTariffs(db).where('t.id', '=', id).where(visibleIn(scope, actorPath)).executeTakeFirst();
}

export async function listTariffs(
  db: Db,
  options: {
    scope: Scope;
    actorPath: readonly number[];
    search?: string;
    currency?: string;
    ownerPartnerId?: number;
    limit: number;
    offset: number;
  },
) {
  let query = selectTariffs(db)
    .where(visibleIn(options.scope, options.actorPath))
    .where('t.archived_at', 'is', null);
  if (options.search) query = query.where('t.name', 'ilike', likePattern(options.search));
  if (options.currency) query = query.where('t.currency', '=', options.currency.toUpperCase());
  if (options.ownerPartnerId) query = query.where('t.owner_partner_id', '=', options.ownerPartnerId);
  const [items, total] = await Promise.all([
    query.orderBy('t.name').orderBy('t.id').limit(options.limit).offset(options.offset).execute(),
    query
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

/**
 * Tariffs a partner with the given ancestry may use: owned by the platform or by one of
 * `ownerCandidates` (the partner's ancestors, and itself for its own Price), in one of its currencies.
 */
export async function listUsableTariffs(
  db: Db,
  options: { ownerCandidates: number[]; currencies: string[] },
) {
  return selectTariffs(db)
    .where('t.archived_at', 'is', null)
    .where('t.currency', 'in', options.currencies.length > 0 ? options.currencies : [''])
    .where((eb) =>
      eb.or([
        eb('t.owner_partner_id', 'is', null),
        eb('t.owner_partner_id', '=', eb.fn.any(eb.val(options.ownerCandidates))),
      ]),
    )
    .orderBy('t.name')
    .orderBy('t.id')
    .limit(1000)
    .execute();
}

export async function findTariffForUse(db: Db, id: number) {
  return db
    .selectFrom('tariffs')
    .where('id', '=', id)
    .select(['id', 'currency', 'owner_partner_id', 'archived_at'])
    .executeTakeFirst();
}

export async function insertTariff(
  db: Db,
  tariff: { name: string; currency: string; period: TariffPeriod; ownerPartnerId: number | null },
): Promise<number> {
  const row = await db
    .insertInto('tariffs')
    .values({
      name: tariff.name,
      currency: tariff.currency,
      period: tariff.period,
      owner_partner_id: tariff.ownerPartnerId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertTariffVersion(
  db: Db,
  version: { tariffId: number; price: string; effectiveFrom: string },
) {
  await db
    .insertInto('tariff_versions')
    .values({ tariff_id: version.tariffId, price: version.price, effective_from: version.effectiveFrom })
    .execute();
}

/**
 * Renames and bumps the version, only when the caller's version is current (false when stale); without
 * a version, whatever it is. Either way the tariff's row stays locked to the end of the transaction, so
 * changes of its prices are made one after the other.
 */
export async function touchTariff(db: Db, options: { id: number; version?: number; name?: string }) {
  let update = db
    .updateTable('tariffs')
    .set((eb) => ({
      ...(options.name === undefined ? {} : { name: options.name }),
      version: eb('version', '+', 1),
      updated_at: new Date(),
    }))
    .where('id', '=', options.id);
  if (options.version !== undefined) update = update.where('version', '=', options.version);
  const result = await update.executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Deletes one price version of a tariff; false when the tariff has no such version. */
export async function deleteTariffVersion(db: Db, options: { tariffId: number; versionId: number }) {
  const result = await db
    .deleteFrom('tariff_versions')
    .where('id', '=', options.versionId)
    .where('tariff_id', '=', options.tariffId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
