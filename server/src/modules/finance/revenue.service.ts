import type { Db } from '../../db/connect.js';
import { today } from '../../lib/clock.js';
import { FieldErrors, notFound } from '../../lib/errors.js';
import { decimal, formatAmount } from '../../lib/money.js';
import { scopeOf, type Actor } from '../auth/auth.public.js';
import { PLATFORM, type AccountOwner } from '../ledger/ledger.public.js';
import type { RevenueQuery } from './finance.schemas.js';
import { findPartnerInScope } from '../scope/scope.public.js';
import { revenueAndCost } from './revenue.repository.js';

/**
 * GET /finance/revenue: a partner's revenue (what its contracts and sub-partners were charged and
 * written off), its cost (what its parent charged and wrote off) and the margin, per currency, over a
 * period of value dates. Without partnerId: the caller's own partner, or the platform for a super
 * administrator.
 */
export async function revenueOf(options: { db: Db; actor: Actor; query: RevenueQuery }) {
  const { db, actor, query } = options;
  const to = query.to ?? today();
  const from = query.from ?? `${to.slice(0, 7)}-01`;
  const errors = new FieldErrors();
  if (from > to) errors.add('to', 'period_order');
  errors.throwIfAny();

  let owner: AccountOwner = PLATFORM;
  const partnerId = query.partnerId ?? actor.partnerId;
  if (partnerId !== null) {
    const partner = await findPartnerInScope(db, partnerId, scopeOf(actor));
    if (!partner) throw notFound();
    owner = { type: 'partner', id: partner.id };
  }
  const rows = await revenueAndCost(db, owner, { from, to });
  return {
    from,
    to,
    items: rows.map((row) => ({
      currency: row.currency,
      revenue: formatAmount(row.revenue),
      cost: formatAmount(row.cost),
      margin: formatAmount(decimal(row.revenue).minus(decimal(row.cost))),
    })),
  };
}
