import type { Db } from '../../db/connect.js';
import { today } from '../../lib/clock.js';
import { invalid, notFound } from '../../lib/errors.js';
import type { Translator } from '../../lib/messages.js';
import { pageOf } from '../../lib/paging.js';
import type { Actor } from '../auth/auth.public.js';
import { runBillingRange } from './billing-run.js';
import { checkRunDays } from './billing-request.js';
import { failStoppedRuns, findRun, listRunIssues, listRuns } from './billing-runs.repository.js';
import { presentIssue, presentRun } from './billing.presenter.js';
import type { BillingRunCreate, BillingRunQuery } from './billing.schemas.js';

/* Billing runs are the platform operator's: their routes admit the super administrator only. */
interface Call {
  db: Db;
  actor: Actor;
}

/** Runs newest first; a run whose process stopped is marked failed first, never listed as running. */
export async function findBillingRuns(call: Call & { query: BillingRunQuery }) {
  await failStoppedRuns(call.db);
  const result = await listRuns(call.db, pageOf(call.query));
  return { items: result.items.map(presentRun), total: result.total };
}

export async function getBillingRun(call: Call & { id: number }) {
  await failStoppedRuns(call.db);
  const run = await findRun(call.db, call.id);
  if (!run) throw notFound();
  return presentRun(run);
}

export async function findBillingRunIssues(
  call: Call & { id: number; query: BillingRunQuery; translator: Translator },
) {
  if (!(await findRun(call.db, call.id))) throw notFound();
  const result = await listRunIssues(call.db, call.id, pageOf(call.query));
  return { items: result.items.map((row) => presentIssue(row, call.translator)), total: result.total };
}

/** Runs the billing of a day or a range now, in the request; answers every run it made. */
export async function startBillingRuns(call: Call & { input: BillingRunCreate }) {
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
