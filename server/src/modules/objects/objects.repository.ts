import { sql, type ExpressionBuilder } from 'kysely';
import type { Db } from '../../db/connect.js';
import type { Database, ObjectsTable } from '../../db/schema.js';
import type { Insertable, Updateable } from 'kysely';
import type { Scope } from '../auth/actor.js';
import { BILLING_RUN_LOCK } from '../billing/billing-lock.js';

type ObjectTables = Database & { o: Database['objects']; p: Database['partners'] };

/**
 * Restricts a query on objects `o` joined to their partner `p` to the scope's subtree. Objects carry
 * their contract's partner_id, so scoping needs no join through contracts.
 */
export function objectInScope(scope: Scope) {
  return (eb: ExpressionBuilder<ObjectTables, 'o' | 'p'>) =>
    scope.kind === 'platform'
      ? eb.lit(true)
      : sql<boolean>`p.path @> array[${scope.rootPartnerId}]::bigint[]`;
}

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
  return selectObjectDetails(db).where('o.id', '=', id).where(objectInScope(scope)).executeTakeFirst();
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
    .where(
      scope.kind === 'platform'
        ? sql<boolean>`true`
        : sql<boolean>`p.path @> array[${scope.rootPartnerId}]::bigint[]`,
    )
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
  const audited = await sql`
    insert into audit_events (entity_type, entity_id, action, changes, actor_user_id, actor_login, request_id)
    select 'object', o.id, 'reprice',
           jsonb_build_array(
             jsonb_build_object('field', 'tariffId', 'old', o.tariff_id, 'new', ${tariffId}::bigint),
             jsonb_build_object('field', 'tariffPinnedAt', 'old', o.tariff_pinned_at, 'new', ${day})),
           ${actor.userId}::bigint, ${actor.login}::text, ${options.requestId}::text
      from objects o
     where o.archived_at is null and ${targetCondition(target)}
       and not exists (select 1 from object_tariffs ot
                        where ot.object_id = o.id and ot.effective_from = ${day} and ot.tariff_id = ${tariffId})`.execute(
    db,
  );
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
  await sql`
    insert into audit_events (entity_type, entity_id, action, changes, actor_user_id, actor_login, request_id)
    select 'object', o.id, 'created',
           (select jsonb_agg(jsonb_build_object('field', f.field, 'old', null, 'new', f.value) order by f.n)
              from (values (1, 'contractId', to_jsonb(o.contract_id)), (2, 'name', to_jsonb(o.name)),
                           (3, 'deviceId', to_jsonb(o.device_id)), (4, 'deviceType', to_jsonb(o.device_type)),
                           (5, 'simPhone', to_jsonb(o.sim_phone)), (6, 'sim2Phone', to_jsonb(o.sim2_phone)),
                           (7, 'iccid', to_jsonb(o.iccid)), (8, 'simProvider', to_jsonb(o.sim_provider)),
                           (9, 'plateNumber', to_jsonb(o.plate_number)), (10, 'active', to_jsonb(o.active)),
                           (11, 'activeFrom', to_jsonb(o.active_from::text)),
                           (12, 'activeUntil', to_jsonb(o.active_until::text)),
                           (13, 'tariffId', to_jsonb(o.tariff_id)), (14, 'tariffPinnedAt', to_jsonb(o.tariff_pinned_at::text))
                   ) as f(n, field, value)
             where f.value is not null),
           ${actor.userId}::bigint, ${actor.login}::text, ${requestId}::text
      from objects o where o.id = any(${idArray})`.execute(db);
}

/**
 * The first and the last day from `from` to `until` (null: no end) on which the object's contract was
 * charged for it (level 0) by a charge no correction has reversed; null when none. Two short walks of
 * ledger_charge_once_key (object_id, level, charge_day), one from each end, each stopping at the
 * first charge not reversed (ledger_reverses_key answers that).
 */
export async function findChargedDays(
  db: Db,
  objectId: number,
  range: { from: string; until: string | null },
): Promise<{ first: string; last: string } | null> {
  const edge = (order: 'asc' | 'desc') => sql<string | null>`(
    select t.charge_day from ledger_transfers t
     where t.kind = 'charge' and t.object_id = ${objectId} and t.level = 0
       and t.charge_day >= ${range.from}::date
       ${range.until === null ? sql`` : sql`and t.charge_day <= ${range.until}::date`}
       and not exists (select 1 from ledger_transfers r where r.reverses_id = t.id)
     order by t.charge_day ${sql.raw(order)} limit 1)`;
  const { rows } = await sql<{
    first: string | null;
    last: string | null;
  }>`select ${edge('asc')} as first, ${edge('desc')} as last`.execute(db);
  const row = rows[0];
  return row?.first && row.last ? { first: row.first, last: row.last } : null;
}

/**
 * Takes the billing runs' lock shared for the caller's transaction, without waiting: false while a
 * run is charging. Held, no run starts charging until the transaction ends, and the runs after it
 * read what it wrote.
 */
export async function tryHoldBillingRuns(db: Db): Promise<boolean> {
  const { rows } = await sql<{
    held: boolean;
  }>`select pg_try_advisory_xact_lock_shared(${BILLING_RUN_LOCK}::bigint) as held`.execute(db);
  return rows[0]?.held === true;
}
