import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import type { Scope } from '../auth/actor.js';
import { inScope } from '../partners/partners.repository.js';

/** A contract of the scope's subtree, with what its accounts, balance and blocking need. */
export async function findContractTarget(db: Db, id: number, scope: Scope) {
  return db
    .selectFrom('contracts as c')
    .innerJoin('partners as p', 'p.id', 'c.partner_id')
    .where('c.id', '=', id)
    .where(inScope(scope))
    .select(['c.id', 'c.partner_id', 'c.currency', 'c.archived_at', 'c.debt_blocked'])
    .executeTakeFirst();
}

/** A partner of the scope's subtree (its own partner included), with its parent, currency and Partner price. */
export async function findPartnerTarget(db: Db, id: number, scope: Scope) {
  return db
    .selectFrom('partners as p')
    .where('p.id', '=', id)
    .where(inScope(scope))
    .select(['p.id', 'p.parent_id', 'p.currency', 'p.archived_at', 'p.path', 'p.partner_price_tariff_id'])
    .executeTakeFirst();
}

/** A transfer of the scope's subtree (its partner_id in it), with the owners of its two accounts. */
export async function findTransferForCorrection(db: Db, id: number, scope: Scope) {
  return db
    .selectFrom('ledger_transfers as t')
    .innerJoin('partners as p', 'p.id', 't.partner_id')
    .innerJoin('ledger_accounts as da', 'da.id', 't.debit_account_id')
    .innerJoin('ledger_accounts as ca', 'ca.id', 't.credit_account_id')
    .where('t.id', '=', id)
    .where(inScope(scope))
    .select((eb) => [
      't.id',
      't.kind',
      't.currency',
      't.debit_account_id',
      't.credit_account_id',
      't.amount',
      't.partner_id',
      't.contract_id',
      'da.owner_type as debit_owner_type',
      'da.owner_id as debit_owner_id',
      'da.kind as debit_kind',
      'ca.owner_type as credit_owner_type',
      'ca.owner_id as credit_owner_id',
      'ca.kind as credit_kind',
      eb
        .exists(eb.selectFrom('ledger_transfers as r').select('r.id').whereRef('r.reverses_id', '=', 't.id'))
        .as('reversed'),
    ])
    .executeTakeFirst();
}

/** Ids of an owner's balance accounts (one per currency it ever used). */
export async function balanceAccountIds(db: Db, owner: { type: 'partner' | 'contract'; id: number }) {
  const rows = await sql<{ id: number }>`
    select id from ledger_accounts
     where owner_type = ${owner.type} and coalesce(owner_id, 0) = ${owner.id}::bigint and kind = 'balance'`.execute(
    db,
  );
  return rows.rows.map((row) => row.id);
}
