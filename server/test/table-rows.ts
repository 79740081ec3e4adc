/*
 * Rows inserted straight into their tables, for tests that depend on the schema only, not on the
 * rules of the partners, tariffs or contracts APIs (which refuse, for example, a price dated in the
 * past, or a contract of a partner the caller may not see).
 */
import type { Db } from '../src/db/connect.js';
import type { AccountType, TariffPeriod } from '../src/db/schema.js';
import { unique } from './builders.js';

export interface PriceVersion {
  price: string;
  from: string;
}

/** A tariff with dated price versions, inserted directly (the API dates a new price today or later). */
export async function insertTariff(
  db: Db,
  options: {
    currency?: string;
    period?: TariffPeriod;
    versions: PriceVersion[];
    ownerPartnerId?: number | null;
  },
): Promise<number> {
  const tariff = await db
    .insertInto('tariffs')
    .values({
      owner_partner_id: options.ownerPartnerId ?? null,
      name: unique('Tariff '),
      currency: options.currency ?? 'RUB',
      period: options.period ?? 'month',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const version of options.versions) await addTariffVersion(db, tariff.id, version);
  return tariff.id;
}

/** A price version dated as given, past days included: what the tariffs API refuses to back-date. */
export async function addTariffVersion(db: Db, tariffId: number, version: PriceVersion) {
  await db
    .insertInto('tariff_versions')
    .values({ tariff_id: tariffId, price: version.price, effective_from: version.from })
    .execute();
}

export interface InsertedPartner {
  id: number;
  path: number[];
}

/** A partner under `parent` (top level when none), with the Partner price it pays its parent. */
export async function insertPartner(
  db: Db,
  options: {
    parent?: InsertedPartner | null;
    currency?: string;
    partnerPriceTariffId?: number | null;
    accountType?: AccountType;
  } = {},
): Promise<InsertedPartner> {
  const row = await db
    .insertInto('partners')
    .values({
      parent_id: options.parent?.id ?? null,
      path: [],
      name: unique('Partner '),
      currency: options.currency ?? 'RUB',
      account_type: options.accountType ?? 'prepayment',
      partner_price_tariff_id: options.partnerPriceTariffId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const path = [...(options.parent?.path ?? []), row.id];
  await db.updateTable('partners').set({ path }).where('id', '=', row.id).execute();
  return { id: row.id, path };
}

/** A contract of a partner; a live, active, ordinary prepayment contract in RUB unless told otherwise. */
export async function insertContract(
  db: Db,
  partnerId: number,
  options: {
    name?: string;
    currency?: string;
    accountType?: AccountType;
    blockingLimit?: string | null;
    tariffId?: number | null;
    isWarehouse?: boolean;
    active?: boolean;
    archived?: boolean;
  } = {},
): Promise<number> {
  const accountType = options.accountType ?? 'prepayment';
  const row = await db
    .insertInto('contracts')
    .values({
      partner_id: partnerId,
      name: options.name ?? unique('Contract '),
      currency: options.currency ?? 'RUB',
      account_type: accountType,
      blocking_limit: accountType === 'postpayment_light' ? (options.blockingLimit ?? '0.00') : null,
      tariff_id: options.tariffId ?? null,
      is_warehouse: options.isWarehouse ?? false,
      active: options.active ?? true,
      archived_at: options.archived ? new Date() : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
