import { parseArgs } from 'node:util';
import type { Db } from '../../db/connect.js';
import { createMessages } from '../../lib/messages.js';
import { billingMessages } from './billing.messages.js';
import { runBillingRange } from './billing-run.js';
import { checkRunDays } from './billing-request.js';
import type { BillingRun } from './billing.presenter.js';

/*
 * `npm run cli -- billing run --date YYYY-MM-DD` and `... billing run --from D --to D`: the CLI's
 * billing command, apart from cli.ts so that tests call it without spawning a process.
 */

/* The terminal speaks English, with the billing run's words and the shared ones. */
const terminal = createMessages([billingMessages]).translator('en', billingMessages);

export const billingUsage = `  billing run --date YYYY-MM-DD             bill one day (again: only what is missing is charged)
  billing run --from YYYY-MM-DD --to YYYY-MM-DD
                                            bill each day of a range, at most 366 days`;

/** A range from the command line may be longer than the API's: catching up a long downtime by hand. */
export const MAX_CLI_DAYS = 366;

export type BillingCommand = { from: string; to: string } | { error: string };

/** Reads `run --date D` or `run --from D --to D`; an error message (in English) otherwise. */
export function parseBillingArgs(args: readonly string[], todayDay: string): BillingCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: { date: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } },
    });
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  if (parsed.positionals.length !== 1 || parsed.positionals[0] !== 'run') {
    return { error: `Unknown billing command "${parsed.positionals.join(' ')}"; usage:\n${billingUsage}` };
  }
  const { date, from, to } = parsed.values;
  const days = checkRunDays({ day: date, from, to }, { today: todayDay, maxDays: MAX_CLI_DAYS });
  if ('errors' in days) {
    const optionOf = (field: string) => (field === 'day' ? '--date' : `--${field}`);
    return {
      error: days.errors
        .map((problem) => {
          const message = terminal.message(problem.code, problem.params, problem.field);
          return `${optionOf(problem.field)}: ${message}`;
        })
        .join('\n'),
    };
  }
  return days;
}

/** One line per run, for the terminal. */
export function describeRun(run: BillingRun): string {
  if (run.status === 'failed') return `${run.day}: FAILED (run ${run.id}): ${run.error}`;
  const totals = run.totals
    .map((total) => `${total.currency} level ${total.level}: ${total.amount}`)
    .join(', ');
  return (
    `${run.day}: run ${run.id} charged ${run.objectsCharged} objects, ${run.transfersCreated} transfers` +
    ` (${run.alreadyCharged} already charged, ${run.issuesCount} issues) in ${run.durationMs} ms` +
    (totals ? `; ${totals}` : '')
  );
}

/** Runs the billing of a parsed command; returns the process exit code (1 when a day failed). */
export async function runBillingCommand(
  db: Db,
  command: { from: string; to: string },
  options: { print?: (line: string) => void; printError?: (line: string) => void } = {},
): Promise<number> {
  const print = options.print ?? console.log;
  const printError = options.printError ?? console.error;
  const runs = await runBillingRange(db, { from: command.from, to: command.to, trigger: 'cli' });
  for (const run of runs) (run.status === 'failed' ? printError : print)(describeRun(run));
  return runs.some((run) => run.status === 'failed') ? 1 : 0;
}
