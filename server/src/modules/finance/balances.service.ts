import type { Db } from '../../db/connect.js';
import { today } from '../../lib/clock.js';
import { dailyCharge } from '../../lib/daily-charge.js';
import { notFound } from '../../lib/errors.js';
import { decimal, formatAmount } from '../../lib/money.js';
import { scopeOf, type Actor } from '../auth/auth.public.js';
import { accountBalance } from '../ledger/ledger.public.js';
import { contractTariffGroups, partnerPriceFacts } from './balances.repository.js';
import { convertAmount } from './conversion.js';
import { findContractInScope, findPartnerInScope } from '../scope/scope.public.js';

/**
 * Whole days a balance lasts at a daily charge: floor(balance / daily) while money is left, 0 when
 * none is, null when nothing is charged (it lasts for ever).
 */
export function daysLeft(balance: string, daily: string): number | null {
  const charge = decimal(daily);
  if (charge.lessThanOrEqualTo(0)) return null;
  const money = decimal(balance);
  if (money.lessThanOrEqualTo(0)) return 0;
  return money.dividedToIntegerBy(charge).toNumber();
}

/** Today's charge of a contract: per tariff in force, the day's amount times its objects billed today. */
async function contractDailyCharge(db: Db, contractId: number, day: string): Promise<string> {
  const groups = await contractTariffGroups(db, contractId, day);
  const total = groups.reduce(
    (sum, group) =>
      group.price === null
        ? sum
        : sum.plus(decimal(dailyCharge(group.price, group.period, day)).times(group.objects)),
    decimal(0),
  );
  return formatAmount(total);
}

/** GET /contracts/{id}/balance: the balance in its currency, today's charge and the days it lasts. */
export async function contractBalance(options: { db: Db; actor: Actor; id: number }) {
  const { db } = options;
  const contract = await findContractInScope(db, options.id, scopeOf(options.actor));
  if (!contract) throw notFound();
  const day = today();
  const [balance, daily] = await Promise.all([
    accountBalance(db, { type: 'contract', id: contract.id }, 'balance', contract.currency),
    contractDailyCharge(db, contract.id, day),
  ]);
  return {
    balance,
    currency: contract.currency,
    dailyCharge: daily,
    daysLeft: daysLeft(balance, daily),
    debtBlocked: contract.debt_blocked,
  };
}

/**
 * Today's charge of a partner by its parent: its Partner price for a day (converted into its currency
 * at the day's rate when the tariff is in another one) times the objects of its subtree billed today
 * in its currency. 0 without a Partner price, a price in force or a rate (the run charges nothing then).
 */
async function partnerDailyCharge(
  db: Db,
  partner: { id: number; currency: string; partner_price_tariff_id: number | null },
  day: string,
): Promise<string> {
  if (partner.partner_price_tariff_id === null) return formatAmount('0');
  const facts = await partnerPriceFacts(
    db,
    { id: partner.id, currency: partner.currency, partnerPriceTariffId: partner.partner_price_tariff_id },
    day,
  );
  if (facts.price === null || facts.period === null || facts.objects === 0) return formatAmount('0');
  const perObject = dailyCharge(facts.price, facts.period, day);
  const converted =
    facts.tariff_currency === partner.currency
      ? perObject
      : convertAmount(perObject, { direct: facts.direct_rate, reverse: facts.reverse_rate });
  return converted === null ? formatAmount('0') : formatAmount(decimal(converted).times(facts.objects));
}

/** GET /partners/{id}/balance: its balance with its parent (in its currency), today's charge, days left. */
export async function partnerBalance(options: { db: Db; actor: Actor; id: number }) {
  const { db } = options;
  const partner = await findPartnerInScope(db, options.id, scopeOf(options.actor));
  if (!partner) throw notFound();
  const day = today();
  const [balance, daily] = await Promise.all([
    accountBalance(db, { type: 'partner', id: partner.id }, 'balance', partner.currency),
    partnerDailyCharge(db, partner, day),
  ]);
  return { balance, currency: partner.currency, dailyCharge: daily, daysLeft: daysLeft(balance, daily) };
}
