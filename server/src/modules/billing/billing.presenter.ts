import type { BillingRunTotal, BillingTrigger } from '../../db/schema.js';
import type { Translator } from '../../lib/messages.js';
import type { BillingRunRecord, RunIssueRecord } from './billing-runs.repository.js';

/** A billing run as the API answers it (and as runBillingDay returns it). */
export interface BillingRun {
  id: number;
  day: string;
  trigger: BillingTrigger;
  status: 'running' | 'completed' | 'failed';
  actorLogin: string | null;
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  objectsCharged: number;
  transfersCreated: number;
  alreadyCharged: number;
  issuesCount: number;
  totals: BillingRunTotal[];
  error: string | null;
}

export function presentRun(row: BillingRunRecord): BillingRun {
  return {
    id: row.id,
    day: row.day,
    trigger: row.trigger,
    status: row.status,
    actorLogin: row.actor_login,
    startedAt: row.started_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
    durationMs: row.duration_ms,
    objectsCharged: row.objects_charged,
    transfersCreated: row.transfers_created,
    alreadyCharged: row.already_charged,
    issuesCount: row.issues_count,
    totals: row.totals,
    error: row.error,
  };
}

/** The message code of an issue's reason (messages-billing.ts). */
export const issueMessageCode = (reason: RunIssueRecord['reason']) => `billing_issue_${reason}`;

export function presentIssue(row: RunIssueRecord, translator: Translator) {
  const params = {
    ...Object.fromEntries(
      Object.entries(row.detail).filter((entry): entry is [string, string | number] =>
        ['string', 'number'].includes(typeof entry[1]),
      ),
    ),
    tariffName: row.tariff_name ?? (row.tariff_id === null ? '—' : `#${row.tariff_id}`),
  };
  return {
    objectId: row.object_id,
    objectName: row.object_name,
    partnerId: row.partner_id,
    partnerName: row.partner_name,
    tariffId: row.tariff_id,
    tariffName: row.tariff_name,
    level: row.level,
    reason: row.reason,
    message: translator.message(issueMessageCode(row.reason), params),
    detail: row.detail,
  };
}
