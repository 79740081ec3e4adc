import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import type { ObjectsTable } from '../../db/schema.js';
import type { Insertable, Updateable } from 'kysely';
import { changeJson, createdChangesJson, insertAuditEventsFrom } from '../audit/audit.public.js';
import { partnerPathInScope, type Scope } from '../scope/scope.public.js';
import { objectCreatedFields } from './object-audit.js';

export function selectObjectDetails(db: Db) {
  return db
    .selectFrom('objects as o')
    .innerJoin('partners as p', 'p.id', 'o.partner_id')
    .innerJoin('contracts as c', 'c.id', 'o.contract_id')
    .innerJoin('tariffs as t', 't.id', 'o.tariff_id')
    .selectAll('o')
    .select(['p.name as partner_name', 'c.name as contract_name', 't.name as tariff_name']);
}

export type ObjectDetails = NonNullable<Awaited<ReturnType<typeof findObject>>>;

export async function findObject(db: Db, id: number, scope: Scope) {
  // Objects carry their contract's partner_id, so scoping needs no join through contracts.
  return selectObjectDetails(db)
    .where('o.id', '=', id)
    .where((eb) => partnerPathInScope(eb, scope, 'p.path'))
    .executeTakeFirst();
}

/**
 * What the objects of a contract need to know about it: its partner and that partner's ancestry, its
 * currency, whether it is a warehouse account, and the tariffs of the tariff rule (the contract's,
 * then each Price from the partner up to the root). Only contracts inside the scope are returned.
 */
export async function findContractsForObjects(db: Db, ids: readonly number[], scope: Scope) {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('contracts as c')
    .innerJoin('partners as p', 'p.id', 'c.partner_id')
    .where(sql<boolean>`c.id = any(${[...ids]}::bigint[])`)
    .where((eb) => partnerPathInScope(eb, scope, 'p.path'))
    .select([
      'c.id',
      'c.name',
      'c.partner_id',
      'c.currency',
      'c.tariff_id',
      'c.is_warehouse',
      'c.archived_at',
      'p.path',
      'p.region',
      sql<(number | null)[]>`(
        select coalesce(json_agg(t.id order by u.n desc), '[]'::json)
          from unnest(p.path) with ordinality as u(partner_id, n)
          join partners a on a.id = u.partner_id
          -- A Price in another currency than the contract's cannot bill it: it counts as no Price.
          left join tariffs t on t.id = a.price_tariff_id and t.currency = c.currency)`.as('price_chain'),
    ])
    .execute();
  return rows.map((row) => ({
    ...row,
    // Both drivers parse json, but keep numbers numbers whatever they hand back.
    price_chain: (typeof row.price_chain === 'string'
      ? (JSON.parse(row.price_chain) as (number | null)[])
      : row.price_chain
    ).map((id) => (id === null ? null : Number(id))),
  }));
}

export type ContractForObjects = Awaited<ReturnType<typeof findContractsForObjects>>[number];

/** Live objects holding any of these device keys (lower-case), platform-wide; the caller decides what to reveal. */
export async function findLiveDeviceHolders(db: Db, keys: readonly string[], exceptObjectId?: number) {
  if (keys.length === 0) return [];
  let query = db
    .selectFrom('objects as o')
    .innerJoin('partners as p', 'p.id', 'o.partner_id')
    .where(sql<boolean>`lower(o.device_id) = any(${[...keys]}::text[])`)
    .where('o.archived_at', 'is', null)
    .select(['o.id', 'o.name', sql<string>`lower(o.device_id)`.as('device_key'), 'p.path']);
  if (exceptObjectId !== undefined) query = query.where('o.id', '<>', exceptObjectId);
  return query.execute();
}

export type NewObjectRow = Insertable<ObjectsTable>;

/** One multi-row insert; returns the new ids with their device ids, which are unique among them. */
export async function insertObjects(db: Db, rows: NewObjectRow[]) {
  if (rows.length === 0) return [];
  return db.insertInto('objects').values(rows).returning(['id', 'device_id']).execute();
}

export async function insertObjectTariffs(
  db: Db,
  rows: { object_id: number; tariff_id: number; effective_from: string }[],
) {
  if (rows.length === 0) return;
  await db.insertInto('object_tariffs').values(rows).execute();
}

/** Updates when `version` is current and bumps it; false when someone else saved first. */
export async function updateObjectRow(
  db: Db,
  id: number,
  version: number,
  changes: Updateable<ObjectsTable>,
) {
  const result = await db
    .updateTable('objects')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Archives (with the last billed day it then has) or restores an object. */
export async function setObjectArchived(db: Db, id: number, archivedAt: Date | null, activeUntil?: string) {
  await db
    .updateTable('objects')
    .set((eb) => ({
      archived_at: archivedAt,
      ...(activeUntil === undefined ? {} : { active_until: activeUntil }),
      version: eb('version', '+', 1),
      updated_at: new Date(),
    }))
    .where('id', '=', id)
    .execute();
}

/**
 * Moves an object's first tariff pin back to `day` when it starts later, so the billing run finds a
 * tariff in force on every billed day; the pins that follow are left as they are.
 */
export async function startFirstPinBy(db: Db, objectId: number, day: string) {
  await sql`
    update object_tariffs set effective_from = ${day}::date
     where object_id = ${objectId} and effective_from > ${day}::date
       and effective_from = (select min(effective_from) from object_tariffs where object_id = ${objectId})`.execute(
    db,
  );
}

/** Puts an object under another contract; its partner follows the contract, its tariff stays. */
export async function moveObjectRow(db: Db, id: number, contract: { id: number; partnerId: number }) {
  await db
    .updateTable('objects')
    .set((eb) => ({
      contract_id: contract.id,
      partner_id: contract.partnerId,
      version: eb('version', '+', 1),
      updated_at: new Date(),
    }))
    .where('id', '=', id)
    .execute();
}

/** Which live objects a reprice addresses: one contract's, or those of all contracts of one partner. */
export type RepriceTarget = { contractId: number } | { partnerId: number };

const targetCondition = (target: RepriceTarget) =>
  'contractId' in target
    ? sql`o.contract_id = ${target.contractId}`
    : sql`o.partner_id = ${target.partnerId}`;

/** The contracts (with their currencies) of the live objects a reprice addresses. */
export async function findRepriceContracts(db: Db, target: RepriceTarget) {
  const result = await sql<{ id: number; name: string; currency: string }>`
    select c.id, c.name, c.currency
      from contracts c
     where c.id in (select o.contract_id from objects o where o.archived_at is null and ${targetCondition(target)})
     order by c.id`.execute(db);
  return result.rows;
}

/**
 * Pins the target's live objects to a tariff from a day, set-based: an audit event for each object
 * whose pin on that day changes, the dated pin upserted (so a rerun for the same day changes
 * nothing), and the object's current tariff moved when that day is its latest pin. Returns how many
 * objects changed.
 */
export async function repriceObjects(
  db: Db,
  options: {
    target: RepriceTarget;
    tariffId: number;
    effectiveFrom: string;
    actor: { userId: number; login: string };
    requestId: string | null;
  },
): Promise<number> {
  const { target, tariffId, effectiveFrom, actor } = options;
  const day = sql`${effectiveFrom}::date`;
  const audited = await insertAuditEventsFrom({
    entityType: 'object',
    entityId: sql.ref('o.id'),
    action: 'reprice',
    changes: sql`jsonb_build_array(
      ${changeJson('tariffId', sql`to_jsonb(o.tariff_id)`, sql`to_jsonb(${tariffId}::bigint)`)},
      ${changeJson('tariffPinnedAt', sql`to_jsonb(o.tariff_pinned_at)`, sql`to_jsonb(${day})`)})`,
    from: sql`objects o
     where o.archived_at is null and ${targetCondition(target)}
       and not exists (select 1 from object_tariffs ot
                        where ot.object_id = o.id and ot.effective_from = ${day} and ot.tariff_id = ${tariffId})`,
    actor,
    requestId: options.requestId,
  }).execute(db);
  await sql`
    insert into object_tariffs (object_id, tariff_id, effective_from)
    select o.id, ${tariffId}, ${day} from objects o
     where o.archived_at is null and ${targetCondition(target)}
    on conflict (object_id, effective_from) do update set tariff_id = excluded.tariff_id
     where object_tariffs.tariff_id <> excluded.tariff_id`.execute(db);
  await sql`
    update objects o set tariff_id = ${tariffId}, tariff_pinned_at = ${day}, updated_at = now()
     where o.archived_at is null and ${targetCondition(target)}
       and o.tariff_pinned_at <= ${day}
       and (o.tariff_id <> ${tariffId} or o.tariff_pinned_at <> ${day})`.execute(db);
  return Number(audited.numAffectedRows ?? 0n);
}

/**
 * Bulk insert for imports: each column travels as one array parameter and `unnest` turns them into
 * rows, so thousands of rows cost a handful of parameters instead of one per cell.
 */
export async function insertObjectsFromColumns(db: Db, rows: NewObjectRow[]) {
  if (rows.length === 0) return [];
  const column = <K extends keyof NewObjectRow>(key: K) => rows.map((row) => row[key] ?? null);
  const result = await sql<{ id: number; device_id: string }>`
    insert into objects (partner_id, contract_id, name, device_id, device_type, sim_phone, sim2_phone,
                         iccid, sim_provider, plate_number, active, active_from, active_until,
                         tariff_id, tariff_pinned_at)
    select * from unnest(
      ${column('partner_id')}::bigint[], ${column('contract_id')}::bigint[], ${column('name')}::text[],
      ${column('device_id')}::text[], ${column('device_type')}::text[], ${column('sim_phone')}::text[],
      ${column('sim2_phone')}::text[], ${column('iccid')}::text[], ${column('sim_provider')}::text[],
      ${column('plate_number')}::text[], ${rows.map((row) => row.active ?? true)}::boolean[],
      ${rows.map((row) => row.active_from ?? row.tariff_pinned_at)}::date[], ${column('active_until')}::date[],
      ${column('tariff_id')}::bigint[], ${column('tariff_pinned_at')}::date[])
    returning id, device_id`.execute(db);
  return result.rows;
}

/**
 * The first pin and the "created" history event of freshly inserted objects, set-based. The first
 * pin is in force from the object's Active from when that is earlier (as a single create does). The
 * history's changes are the object's fields in form order, leaving out the empty ones, as a single
 * create writes them.
 */
export async function recordCreatedObjects(
  db: Db,
  ids: readonly number[],
  actor: { userId: number; login: string },
  requestId: string | null,
) {
  if (ids.length === 0) return;
  const idArray = sql`${[...ids]}::bigint[]`;
  await sql`
    insert into object_tariffs (object_id, tariff_id, effective_from)
    select id, tariff_id, least(active_from, tariff_pinned_at) from objects where id = any(${idArray})`.execute(
    db,
  );
  await insertAuditEventsFrom({
    entityType: 'object',
    entityId: sql.ref('o.id'),
    action: 'created',
    changes: createdChangesJson('o', objectCreatedFields),
    from: sql`objects o where o.id = any(${idArray})`,
    actor,
    requestId,
  }).execute(db);
}
