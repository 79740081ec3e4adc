import type { Db } from '../../db/connect.js';
import { holdsRight, isSuperAdmin, scopeOf, type Actor } from '../auth/auth.public.js';
import {
  balancesByCurrency,
  contractsRunningOut,
  countRecords,
  debtBlockedContracts,
  lastBilledDay,
  lastBillingRun,
  recentPayments,
  type HomeContractRow,
} from './home.repository.js';
import type { HomeResponse } from './home.schemas.js';

/** How many contracts, payments each part shows; the rest is a click away in the list. */
const SHOWN = 5;

/**
 * The days left under which a contract is shown as running out: the longer of the balance reminders'
 * default thresholds (14 and 7 days); the partners' own reminder settings come with the notifications.
 */
export const RUNNING_OUT_DAYS = 14;

const presentContract = (row: HomeContractRow) => ({
  id: row.id,
  name: row.name,
  partner: { id: row.partner_id, name: row.partner_name },
  currency: row.currency,
  balance: row.balance,
  dailyCharge: row.daily,
  daysLeft: row.days_left,
});

const attention = (rows: HomeContractRow[]) => ({
  total: rows[0]?.total ?? 0,
  items: rows.map(presentContract),
});

/**
 * GET /home: what needs attention today in the caller's subtree. Each part is read only when the caller
 * may read its list (contracts, finance, partners…): a staff user sees its areas, nothing else.
 */
export async function homeOverview(options: { db: Db; actor: Actor }): Promise<HomeResponse> {
  const { db, actor } = options;
  const scope = scopeOf(actor);
  const may = (right: Parameters<typeof holdsRight>[1]) => holdsRight(actor, right);
  const chargedOn = may('contracts:read') ? await lastBilledDay(db) : null;
  const [counts, debtBlocked, runningOut, balances, payments, run] = await Promise.all([
    countRecords(db, scope),
    may('contracts:read') ? debtBlockedContracts(db, scope, SHOWN) : null,
    may('contracts:read') && chargedOn !== null
      ? contractsRunningOut(db, scope, { day: chargedOn, days: RUNNING_OUT_DAYS, limit: SHOWN })
      : [],
    may('finance:read') ? balancesByCurrency(db, scope) : null,
    may('finance:read') ? recentPayments(db, scope, SHOWN) : null,
    // The billing run is the platform's: its section is the super administrator's.
    isSuperAdmin(actor) ? lastBillingRun(db) : null,
  ]);
  return {
    counts: {
      partners: may('partners:read') ? counts.partners : null,
      contracts: may('contracts:read') ? counts.contracts : null,
      objects: may('objects:read') ? counts.objects : null,
      users: may('users:read') ? counts.users : null,
    },
    debtBlocked: debtBlocked && attention(debtBlocked),
    runningOut: may('contracts:read')
      ? { ...attention(runningOut), thresholdDays: RUNNING_OUT_DAYS, chargedOn }
      : null,
    balances:
      balances?.map((row) => ({
        currency: row.currency,
        balance: row.balance,
        debt: row.debt,
        contractsInDebt: row.in_debt,
      })) ?? null,
    recentPayments:
      payments?.map((row) => ({
        id: row.id,
        valueDate: row.value_date,
        amount: row.amount,
        currency: row.currency,
        partner: { id: row.partner_id, name: row.partner_name },
        contract: row.contract_id === null ? null : { id: row.contract_id, name: row.contract_name ?? '' },
      })) ?? null,
    lastBillingRun: run && {
      id: run.id,
      day: run.day,
      status: run.status,
      issuesCount: run.issues_count,
      objectsCharged: run.objects_charged,
      finishedAt: run.finished_at?.toISOString() ?? null,
    },
  };
}
