import type {
  BillingRunIssueList,
  BillingRunResponse,
  BillingRunsCreated,
} from '@server-schemas/billing/billing.schemas';
import type { Static } from 'typebox';

/** A billing run as GET /billing/runs returns it: one day's charges, with its counts and totals. */
export type BillingRun = Static<typeof BillingRunResponse>;
export type RunStatus = BillingRun['status'];

/** What a run charged at one level in one currency (level 0: contracts pay their partners). */
export type RunTotal = BillingRun['totals'][number];

/** POST /billing/runs: the runs started (one per day asked). */
export type StartedRuns = Static<typeof BillingRunsCreated>;

/** A charge a run could not make, with its reason (never a silent zero). */
export type RunIssue = Static<typeof BillingRunIssueList>['items'][number];
