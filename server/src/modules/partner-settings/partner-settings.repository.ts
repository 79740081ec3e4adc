import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import type { StoredSettingValue } from './setting-catalogue.js';

export interface SettingRow {
  key: string;
  value: StoredSettingValue;
  version: number;
  updated_at: Date;
}

const columns = ['key', 'value', 'version', 'updated_at'] as const;
const asRow = (row: { key: string; value: unknown; version: number; updated_at: Date }): SettingRow => ({
  ...row,
  value: row.value as StoredSettingValue,
});

export async function listSettings(db: Db, partnerId: number): Promise<SettingRow[]> {
  const rows = await db
    .selectFrom('partner_settings')
    .where('partner_id', '=', partnerId)
    .select(columns)
    .orderBy('key')
    .execute();
  return rows.map(asRow);
}

/** The partner's settings, locked until the transaction ends, so concurrent writers queue. */
export async function lockSettings(db: Db, partnerId: number, keys: string[]): Promise<SettingRow[]> {
  if (keys.length === 0) return [];
  const rows = await db
    .selectFrom('partner_settings')
    .where('partner_id', '=', partnerId)
    .where('key', 'in', keys)
    .select(columns)
    .forUpdate()
    .execute();
  return rows.map(asRow);
}

/** Adds a setting; undefined when it exists already (someone else added it first). */
export async function insertSetting(db: Db, partnerId: number, key: string, value: StoredSettingValue) {
  const row = await db
    .insertInto('partner_settings')
    .values({ partner_id: partnerId, key, value: JSON.stringify(value) })
    .onConflict((conflict) => conflict.columns(['partner_id', 'key']).doNothing())
    .returning(columns)
    .executeTakeFirst();
  return row && asRow(row);
}

/** Replaces a setting's value and bumps its version; undefined when it is gone or not at `version`. */
export async function updateSetting(
  db: Db,
  partnerId: number,
  key: string,
  value: StoredSettingValue,
  version?: number,
) {
  let query = db
    .updateTable('partner_settings')
    .set((eb) => ({ value: JSON.stringify(value), version: eb('version', '+', 1), updated_at: new Date() }))
    .where('partner_id', '=', partnerId)
    .where('key', '=', key);
  if (version !== undefined) query = query.where('version', '=', version);
  const row = await query.returning(columns).executeTakeFirst();
  return row && asRow(row);
}

/** Deletes a setting; false when it is gone or not at `version`. */
export async function deleteSetting(db: Db, partnerId: number, key: string, version?: number) {
  let query = db.deleteFrom('partner_settings').where('partner_id', '=', partnerId).where('key', '=', key);
  if (version !== undefined) query = query.where('version', '=', version);
  const result = await query.executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/**
 * The value of `key` in force for a partner: its own, else the nearest ancestor's that has it (the
 * deepest partner on its path with the key), in one statement; undefined when none on the path has it.
 */
export async function findSettingInForce(
  db: Db,
  partnerId: number,
  key: string,
): Promise<StoredSettingValue | undefined> {
  const row = await db
    .selectFrom('partner_settings as s')
    .innerJoin('partners as p', 'p.id', 's.partner_id')
    .where('s.key', '=', key)
    .where(
      sql<boolean>`s.partner_id = any((select path from partners where id = ${partnerId}::bigint)::bigint[])`,
    )
    .orderBy(sql`cardinality(p.path)`, 'desc')
    .select('s.value')
    .limit(1)
    .executeTakeFirst();
  return row && (row.value as StoredSettingValue);
}

/** Every stored setting of these keys, across partners: what sealing older secrets reads. */
export async function findSettingsOfKeys(db: Db, keys: readonly string[]) {
  if (keys.length === 0) return [];
  return db
    .selectFrom('partner_settings')
    .where('key', 'in', [...keys])
    .select(['partner_id', 'key', 'value'])
    .execute();
}

/** Rewrites a stored value in place, version kept: the same setting, only its storage changes. */
export async function rewriteSettingValue(db: Db, partnerId: number, key: string, value: StoredSettingValue) {
  await db
    .updateTable('partner_settings')
    .set({ value: JSON.stringify(value) })
    .where('partner_id', '=', partnerId)
    .where('key', '=', key)
    .execute();
}
