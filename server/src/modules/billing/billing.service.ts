import type { Db } from '../../db/connect.js';
import { today } from '../../lib/clock.js';
import { forbidden, invalid, notFound } from '../../lib/errors.js';
import type { Locale } from '../../lib/messages.js';
import { pageOffset } from '../../lib/paging.js';
import { isSuperAdmin, type Actor } from '../auth/actor.js';
import { runBillingRange } from './billing-run.js';
import { checkRunDays } from './billing-request.js';
import { findRun, listRunIssues, listRuns } from './billing-runs.repository.js';
import { presentIssue, presentRun } from './billing.presenter.js';
import type { BillingRunCreate, BillingRunQuery } from './billing.schemas.js';

interface Call {
  db: Db;
  actor: Actor;
}

/** Billing runs are the platform operator's: every other role is refused, whatever it asks. */
function requireSuperAdmin(actor: Actor) {
  if (!isSuperAdmin(actor)) throw forbidden();
}

const pageOf = (query: BillingRunQuery) => {
  const page = { page: query.page ?? 1, pageSize: query.pageSize ?? 50 };
  return { limit: page.pageSize, offset: pageOffset(page) };
};

export async function findBillingRuns(call: Call & { query: BillingRunQuery }) {
  requireSuperAdmin(call.actor);
  const result = await listRuns(call.db, pageOf(call.query));
  return { items: result.items.map(presentRun), total: result.total };
}

export async function getBillingRun(call: Call & { id: number }) {
  requireSuperAdmin(call.actor);
  const run = await findRun(call.db, call.id);
  if (!run) throw notFound();
  return presentRun(run);
}

export async function findBillingRunIssues(
  call: Call & { id: number; query: BillingRunQuery; locale: Locale },
) {
  requireSuperAdmin(call.actor);
  if (!(await findRun(call.db, call.id))) throw notFound();
  const result = await listRunIssues(call.db, call.id, pageOf(call.query));
  return { items: result.items.map((row) => presentIssue(row, call.locale)), total: result.total };
}

/** Runs the billing of a day or a range now, in the request; answers every run it made. */
export async function startBillingRuns(call: Call & { input: BillingRunCreate }) {
  requireSuperAdmin(call.actor);
  const days = checkRunDays(call.input, { today: today() });
  if ('errors' in days) throw invalid(days.errors);
  const runs = await runBillingRange(call.db, {
    from: days.from,
    to: days.to,
    trigger: 'api',
    actorUserId: call.actor.userId,
  });
  return { runs };
}
