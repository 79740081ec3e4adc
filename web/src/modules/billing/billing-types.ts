export type RunTrigger = 'schedule' | 'cli' | 'api';
export type RunStatus = 'running' | 'completed' | 'failed';

/** What a run charged at one level in one currency (level 0: contracts pay their partners). */
export interface RunTotal {
  currency: string;
  level: number;
  transfers: number;
  amount: string;
}

/** A billing run as GET /billing/runs returns it: one day's charges, with its counts and totals. */
export interface BillingRun {
  id: number;
  day: string;
  trigger: RunTrigger;
  status: RunStatus;
  actorLogin: string | null;
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  objectsCharged: number;
  transfersCreated: number;
  alreadyCharged: number;
  issuesCount: number;
  totals: RunTotal[];
  error: string | null;
}

/** A charge a run could not make, with its reason (never a silent zero). */
export interface RunIssue {
  objectId: number | null;
  objectName: string | null;
  partnerId: number | null;
  partnerName: string | null;
  level: number | null;
  reason: string;
  message: string;
  detail: unknown;
}
