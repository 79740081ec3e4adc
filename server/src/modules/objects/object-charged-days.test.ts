import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createDealer,
  createObject,
  createTariff,
  type HistoryResponseBody,
  type ObjectResponseBody,
} from '../../../test/builders.js';
import { expectStatus, fieldCodes, type TestClient } from '../../../test/client.js';
import { moneyRequest } from '../../../test/money-builders.js';
import { useTestAppAsRoot } from '../../../test/test-suite.js';
import type { Db } from '../../db/connect.js';
import { FieldErrors } from '../../lib/errors.js';
import { today } from '../../lib/clock.js';
import { runBillingDay, runBillingRange } from '../billing/billing-run.js';
import { chargedObjectDays, lineReversed } from '../ledger/ledger.public.js';
import { checkChargedDays, daysTakenOut, type ActiveDays } from './object-active-days.js';
import { addDays, getObjectBody } from '../../../test/object-helpers.js';
import { addTariffVersion, insertContract } from '../../../test/table-rows.js';

/** A day as the Russian messages write it (DD.MM.YYYY). */
const russianDay = (iso: string) => iso.split('-').reverse().join('.');

interface ProblemBody {
  code: string;
  errors: { field: string; code: string; message: string }[];
}

/*
 * Active days over days already charged: the billing run charges an object's contract for every day
 * of its active days, so shrinking them over charged days is refused until Finance corrects those
 * charges. Days are charged by the real billing run; each test bills its own object's days (a run
 * charges every billable object of the day, but each test looks at its own object only).
 */
describe('objects: active days over charged days', () => {
  const { context, root } = useTestAppAsRoot();
  let db: Db;
  let dealerSession: TestClient;
  let contractId: number;
  const day = today();

  beforeAll(async () => {
    db = context.database.db;
    const tariff = await createTariff(root, { period: 'day', price: '10.00' });
    // The API prices a tariff from today on; the billed days here are in the past.
    await addTariffVersion(db, tariff.id, { price: '10.00', from: addDays(day, -400) });
    const dealer = await createDealer(root, { priceTariffId: tariff.id });
    dealerSession = dealer.dealerSession;
    contractId = await insertContract(db, dealer.dealer.id);
  });

  const bill = async (from: string, to: string) => {
    const runs = await runBillingRange(db, { from, to, trigger: 'cli' });
    expect(runs.map((run) => run.status)).toEqual(runs.map(() => 'completed'));
  };
  const newObject = async (activeFrom: string) =>
    (await createObject(dealerSession, contractId, { activeFrom })).id;
  const patch = async (id: number, body: Record<string, unknown>, client = dealerSession) => {
    const { version } = await getObjectBody(client, id);
    return client.patch(`/api/v1/objects/${id}`, { version, ...body });
  };
  const patched = async (id: number, body: Record<string, unknown>) =>
    expectStatus<ObjectResponseBody>(await patch(id, body), 200);
  const historyLength = async (id: number) =>
    expectStatus<HistoryResponseBody>(await dealerSession.get(`/api/v1/objects/${id}/history`), 200).items
      .length;
  /** The object's level-0 days charged and not reversed, in order. */
  const chargedDays = async (id: number) =>
    (
      await sql<{ day: string }>`
        select line.day::text as day from (${chargedObjectDays(sql`r.object_id = ${id}`, sql`g.level = 0`)}) line
         where not ${lineReversed('line')}
         order by line.day`.execute(db)
    ).rows.map((row) => row.day);
  /** Finance reverses the object's day of its contract's charge (POST /finance/corrections with objectId). */
  const correctCharge = async (id: number, chargeDay: string) => {
    const charge = await db
      .selectFrom('ledger_transfers')
      .where('kind', '=', 'charge')
      .where('contract_id', '=', contractId)
      .where('level', '=', 0)
      .where('charge_day', '=', chargeDay)
      .select('id')
      .executeTakeFirstOrThrow();
    expectStatus(
      await moneyRequest(root, 'corrections', {
        transferId: charge.id,
        objectId: id,
        comment: 'Not in service',
      }),
      201,
    );
  };

  it('refuses an Active until before the last charged day, naming the field and the day; nothing changes', async () => {
    const id = await newObject(addDays(day, -6));
    await bill(addDays(day, -6), addDays(day, -1));
    const lastCharged = addDays(day, -1);
    expect((await chargedDays(id)).at(-1)).toBe(lastCharged);
    const before = await getObjectBody(dealerSession, id);
    const historyBefore = await historyLength(id);

    const refused = await patch(id, { active: false, activeUntil: addDays(day, -3) });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<ProblemBody>().errors).toEqual([
      {
        field: 'activeUntil',
        code: 'active_until_charged',
        message: `Active until: days up to ${lastCharged} are already charged; choose ${lastCharged} or later, or correct those charges in Finance`,
      },
    ]);
    const russian = await patch(
      id,
      { active: false, activeUntil: addDays(day, -3) },
      dealerSession.inLocale('ru'),
    );
    expect(russian.json<ProblemBody>().errors[0]!.message).toBe(
      `Поле «Активен по»: дни по ${russianDay(lastCharged)} включительно уже тарифицированы; выберите ${russianDay(lastCharged)} или позже либо исправьте эти начисления в разделе «Финансы»`,
    );
    // A scheduled last day of an active object, and the first charged day, alike.
    expect(fieldCodes(await patch(id, { activeUntil: addDays(day, -2) }))).toEqual([
      'activeUntil:active_until_charged',
    ]);
    expect(fieldCodes(await patch(id, { active: false, activeUntil: addDays(day, -6) }))).toEqual([
      'activeUntil:active_until_charged',
    ]);
    expect(await getObjectBody(dealerSession, id)).toEqual(before);
    expect(await historyLength(id)).toBe(historyBefore);

    // The last charged day itself is a last day that leaves nothing out.
    expect(await patched(id, { active: false, activeUntil: lastCharged })).toMatchObject({
      active: false,
      activeUntil: lastCharged,
      version: before.version + 1,
    });
  });

  it('allows the earlier day once Finance has corrected the charges after it', async () => {
    const id = await newObject(addDays(day, -6));
    await bill(addDays(day, -6), addDays(day, -1));
    const lastDay = addDays(day, -3);

    await correctCharge(id, addDays(day, -1));
    // One day after it is still charged: that day is the one to choose.
    const partly = await patch(id, { active: false, activeUntil: lastDay });
    expect(fieldCodes(partly)).toEqual(['activeUntil:active_until_charged']);
    expect(partly.json<ProblemBody>().errors[0]!.message).toContain(`days up to ${addDays(day, -2)}`);

    await correctCharge(id, addDays(day, -2));
    expect(await chargedDays(id)).toEqual([-6, -5, -4, -3].map((offset) => addDays(day, offset)));
    expect(await patched(id, { active: false, activeUntil: lastDay })).toMatchObject({
      active: false,
      activeUntil: lastDay,
    });
    // A rerun of those days charges nothing again: they are outside the active days now.
    await bill(addDays(day, -2), addDays(day, -1));
    expect((await chargedDays(id)).at(-1)).toBe(lastDay);
  });

  it('refuses an Active from later than the first charged day', async () => {
    const id = await newObject(addDays(day, -8));
    await bill(addDays(day, -5), addDays(day, -1));
    const firstCharged = addDays(day, -5);

    const refused = await patch(id, { activeFrom: addDays(day, -4) });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<ProblemBody>().errors).toEqual([
      {
        field: 'activeFrom',
        code: 'active_from_charged',
        message: `Active from: days from ${firstCharged} are already charged; choose ${firstCharged} or earlier, or correct those charges in Finance`,
      },
    ]);
    const russian = await patch(id, { activeFrom: addDays(day, -4) }, dealerSession.inLocale('ru'));
    expect(russian.json<ProblemBody>().errors[0]!.message).toBe(
      `Поле «Активен с»: дни с ${russianDay(firstCharged)} уже тарифицированы; выберите ${russianDay(firstCharged)} или раньше либо исправьте эти начисления в разделе «Финансы»`,
    );
    // Both ends at once: both fields named.
    expect(
      fieldCodes(
        await patch(id, { activeFrom: addDays(day, -4), active: false, activeUntil: addDays(day, -2) }),
      ),
    ).toEqual(['activeFrom:active_from_charged', 'activeUntil:active_until_charged']);
    expect((await getObjectBody(dealerSession, id)).activeFrom).toBe(addDays(day, -8));

    // The days before the first charged one were never charged: Active from may move up to it.
    expect(await patched(id, { activeFrom: firstCharged })).toMatchObject({ activeFrom: firstCharged });
    await correctCharge(id, firstCharged);
    expect(await patched(id, { activeFrom: addDays(day, -4) })).toMatchObject({
      activeFrom: addDays(day, -4),
    });
  });

  it('deactivating and archiving without a day keep working when today is charged', async () => {
    const id = await newObject(addDays(day, -2));
    await bill(addDays(day, -2), day);
    expect((await chargedDays(id)).at(-1)).toBe(day);

    expect(await patched(id, { active: false })).toMatchObject({ active: false, activeUntil: day });
    // Activated again the same day: the range goes on (nothing taken out).
    expect(await patched(id, { active: true })).toMatchObject({ active: true, activeUntil: null });
    const archived = expectStatus<ObjectResponseBody>(
      await dealerSession.delete(`/api/v1/objects/${id}`),
      200,
    );
    expect(archived).toMatchObject({ activeFrom: addDays(day, -2), activeUntil: day });
  });

  it('activating after a gap starts a new range; the charges of the ended one stay and do not count', async () => {
    const id = await newObject(addDays(day, -8));
    await bill(addDays(day, -8), addDays(day, -6));
    await patched(id, { active: false, activeUntil: addDays(day, -6) });

    // Active from moves to today, after every charged day: the ended range keeps its charges.
    expect(await patched(id, { active: true })).toMatchObject({ activeFrom: day, activeUntil: null });
    expect(await chargedDays(id)).toEqual([-8, -7, -6].map((offset) => addDays(day, offset)));
    // Set back over charged days, the range holds them again and keeps them.
    expect(await patched(id, { activeFrom: addDays(day, -7) })).toMatchObject({
      activeFrom: addDays(day, -7),
    });
    expect(fieldCodes(await patch(id, { activeFrom: addDays(day, -2) }))).toEqual([
      'activeFrom:active_from_charged',
    ]);
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'refuses to take charged days out while a billing run is charging (409), and judges its charges after it',
    async () => {
      const id = await newObject(addDays(day, -4));
      await bill(addDays(day, -4), addDays(day, -3));

      // Hold the run inside its transaction (it has the billing lock) until this test lets it insert.
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let signal!: () => void;
      const tableLocked = new Promise<void>((resolve) => (signal = resolve));
      const holder = db.transaction().execute(async (trx) => {
        await sql`lock table ledger_transfers in share mode`.execute(trx);
        signal();
        await released;
      });
      await tableLocked;
      const running = runBillingDay(db, { day: addDays(day, -2), trigger: 'cli' });
      try {
        for (let attempt = 0; ; attempt += 1) {
          const { rows } = await sql<{ held: number }>`
            select count(*)::int as held from pg_locks
             where locktype = 'advisory' and granted
               and database = (select oid from pg_database where datname = current_database())`.execute(db);
          if (rows[0]!.held > 0) break;
          if (attempt > 200) throw new Error('the billing run did not take its lock');
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
        const busy = await patch(id, { active: false, activeUntil: addDays(day, -3) });
        expect(busy.statusCode).toBe(409);
        expect(busy.json<ProblemBody>()).toMatchObject({ code: 'billing_run_in_progress' });
        // Days after today are not the run's: taking them out does not wait for it.
        expect(await patched(id, { activeUntil: addDays(day, 30) })).toMatchObject({
          activeUntil: addDays(day, 30),
        });
      } finally {
        release();
        await holder;
      }
      expect((await running).status).toBe('completed');
      expect(fieldCodes(await patch(id, { active: false, activeUntil: addDays(day, -3) }))).toEqual([
        'activeUntil:active_until_charged',
      ]);
      expect(await patched(id, { active: false, activeUntil: addDays(day, -2) })).toMatchObject({
        activeUntil: addDays(day, -2),
      });
    },
  );
});

describe('daysTakenOut and checkChargedDays', () => {
  const days = (activeFrom: string, activeUntil: string | null, active = true): ActiveDays => ({
    active,
    activeFrom,
    activeUntil,
  });
  const someDay = '2026-05-20';

  it('finds the stored days an update stops billing', () => {
    const open = days('2026-05-01', null);
    expect(daysTakenOut(open, days('2026-05-01', null), someDay)).toBeNull();
    expect(daysTakenOut(open, days('2026-04-01', null), someDay)).toBeNull();
    expect(daysTakenOut(open, days('2026-05-02', null), someDay)).toEqual({
      from: '2026-05-01',
      until: null,
      reachesBilledDays: true,
    });
    expect(daysTakenOut(open, days('2026-05-01', '2026-05-19', false), someDay)).toMatchObject({
      reachesBilledDays: true,
    });
    // Ending today or later takes out no day a run may be charging now.
    expect(daysTakenOut(open, days('2026-05-01', someDay, false), someDay)).toMatchObject({
      reachesBilledDays: false,
    });
    const ended = days('2026-05-01', '2026-05-10', false);
    expect(daysTakenOut(ended, days('2026-05-01', '2026-05-12', false), someDay)).toBeNull();
    expect(daysTakenOut(ended, days('2026-05-01', '2026-05-09', false), someDay)).toEqual({
      from: '2026-05-01',
      until: '2026-05-10',
      reachesBilledDays: true,
    });
    // A new range after the ended one (activating after a gap).
    expect(daysTakenOut(ended, days(someDay, null), someDay)).toBeNull();
    expect(daysTakenOut(ended, days('2026-05-11', null), someDay)).toBeNull();
    // Starting on its last day, the new range overlaps the ended one: that day is judged.
    expect(daysTakenOut(ended, days('2026-05-10', null), someDay)).toMatchObject({ from: '2026-05-01' });
  });

  it('refuses ends inside the charged days', () => {
    const charged = { first: '2026-05-03', last: '2026-05-15' };
    const codes = (next: ActiveDays, found: typeof charged | null = charged) => {
      const errors = new FieldErrors();
      checkChargedDays(errors, next, found);
      return errors.list;
    };
    expect(codes(days('2026-05-03', '2026-05-15', false))).toEqual([]);
    expect(codes(days('2026-05-01', null))).toEqual([]);
    expect(codes(days('2026-05-04', '2026-05-14', false))).toEqual([
      { field: 'activeFrom', code: 'active_from_charged', params: { day: '2026-05-03' } },
      { field: 'activeUntil', code: 'active_until_charged', params: { day: '2026-05-15' } },
    ]);
    expect(codes(days('2026-05-10', '2026-05-11', false), null)).toEqual([]);
  });
});
