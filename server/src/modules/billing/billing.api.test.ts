import { beforeAll, describe, expect, it } from 'vitest';
import {
  chargesOf,
  contractOwner,
  insertPricedTariff,
  insertObjectActiveOn,
} from '../../../test/billing-builders.js';
import { createPartner, createPortalUser, PORTAL_PASSWORD, signInAsPartner } from '../../../test/builders.js';
import { anonymous, expectStatus, fieldCodes, type TestClient } from '../../../test/client.js';
import { useTestAppAsRoot } from '../../../test/test-suite.js';
import { ledgerBalanceOf } from '../../../test/ledger-checks.js';
import { insertContract, insertPartner, insertTariff } from '../../../test/table-rows.js';
import type { Db } from '../../db/connect.js';
import { today } from '../../lib/clock.js';
import { addDays } from '../../lib/clock.js';
import { parseBillingArgs, runBillingCommand } from './billing-cli.js';
import type { BillingRun } from './billing.presenter.js';

/** The super administrator's login, which the run's audit names. */
const rootLogin = `root${Date.now()}`;
const { context, root } = useTestAppAsRoot({ rootLogin });
let db: Db;
let partnerAdmin: TestClient;

beforeAll(async () => {
  db = context.database.db;
  const partner = await createPartner(root);
  partnerAdmin = await signInAsPartner(context.app, partner);
});

/** A contract with one object on a 310.00 monthly tariff, billed on `day` only (10.00 in a 31-day month). */
async function oneObjectBilledOn(day: string, options: { partnerPriceTariffId?: number } = {}) {
  const tariffId = await insertPricedTariff(db, '310.00');
  const partner = await insertPartner(db, { partnerPriceTariffId: options.partnerPriceTariffId });
  const contractId = await insertContract(db, partner.id);
  const objectId = await insertObjectActiveOn(db, contractId, tariffId, day);
  return { partner, contractId, objectId };
}

/** The names an issue shows: its object's, its object's partner's and a tariff's. */
async function namesOf(objectId: number, tariffId: number) {
  const object = await db
    .selectFrom('objects')
    .innerJoin('partners', 'partners.id', 'objects.partner_id')
    .select(['objects.name as objectName', 'partners.name as partnerName'])
    .where('objects.id', '=', objectId)
    .executeTakeFirstOrThrow();
  const tariff = await db
    .selectFrom('tariffs')
    .select('name')
    .where('id', '=', tariffId)
    .executeTakeFirstOrThrow();
  return { ...object, tariffName: tariff.name };
}

describe('who may use /billing/runs', () => {
  it('refuses a partner administrator with 403 forbidden, whatever it asks', async () => {
    const yesterday = addDays(today(), -1);
    for (const response of [
      await partnerAdmin.get('/api/v1/billing/runs'),
      await partnerAdmin.get('/api/v1/billing/runs/1'),
      await partnerAdmin.get('/api/v1/billing/runs/1/issues'),
      await partnerAdmin.post('/api/v1/billing/runs', { day: yesterday }),
    ]) {
      expect(expectStatus(response, 403)).toMatchObject({ code: 'forbidden' });
    }
    expect(expectStatus<{ total: number }>(await root.get('/api/v1/billing/runs'), 200).total).toBe(0);
  });

  it('asks an anonymous caller to sign in', async () => {
    expect((await anonymous(context.app).get('/api/v1/billing/runs')).statusCode).toBe(401);
  });
});

describe('POST /billing/runs', () => {
  it('refuses a bad day, naming the field', async () => {
    const todayDay = today();
    const cases: [Record<string, unknown>, string[]][] = [
      [{}, ['day:required']],
      [{ day: '2026-02-30' }, ['day:format']],
      [{ day: 20260110 }, ['day:type']],
      [{ day: addDays(todayDay, 2) }, ['day:billing_day_future']],
      [{ day: '2026-01-10', from: '2026-01-10', to: '2026-01-11' }, ['day:billing_day_or_range']],
      [{ from: '2026-01-10' }, ['to:required']],
      [{ to: '2026-01-10' }, ['from:required']],
      [{ from: '2026-01-10', to: addDays(todayDay, 2) }, ['to:billing_day_future']],
      [{ from: '2026-01-10', to: '2026-01-09' }, ['to:billing_range_order']],
      [{ from: '2025-10-31', to: '2026-01-01' }, ['to:billing_range_too_long']],
      [{ dayz: '2026-01-10' }, ['dayz:unknown_field']],
    ];
    for (const [body, expected] of cases) {
      const response = await root.post('/api/v1/billing/runs', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(fieldCodes(response), JSON.stringify(body)).toEqual(expected);
    }
    expect(expectStatus<{ total: number }>(await root.get('/api/v1/billing/runs'), 200).total).toBe(0);
  });

  it('says what is wrong in the caller language, with the field label', async () => {
    const body = { from: '2025-10-31', to: '2026-01-01' };
    const en = expectStatus<{ errors: { message: string }[] }>(
      await root.post('/api/v1/billing/runs', body),
      400,
    );
    expect(en.errors[0]!.message).toBe('A run covers at most 62 days; choose a shorter range');
    const ru = expectStatus<{ errors: { message: string }[] }>(
      await root.inLocale('ru').post('/api/v1/billing/runs', { day: addDays(today(), 3) }),
      400,
    );
    expect(ru.errors[0]!.message).toBe(
      'Поле «День» не может быть позже сегодняшнего дня: день начисляется, когда он наступил',
    );
  });

  it('runs a day and answers 201 with the run and its counts', async () => {
    const day = '2026-01-10';
    const { partner, contractId, objectId } = await oneObjectBilledOn(day);
    const body = expectStatus<{ runs: BillingRun[] }>(await root.post('/api/v1/billing/runs', { day }), 201);
    expect(body.runs).toHaveLength(1);
    const run = body.runs[0]!;
    expect(run).toMatchObject({
      day,
      trigger: 'api',
      status: 'completed',
      actorLogin: rootLogin,
      objectsCharged: 1,
      transfersCreated: 1,
      alreadyCharged: 0,
      issuesCount: 0,
      totals: [{ currency: 'RUB', level: 0, transfers: 1, objectDays: 1, amount: '10.00' }],
      error: null,
    });
    expect(run.durationMs).toBeGreaterThanOrEqual(0);
    expect(Date.parse(run.finishedAt!)).toBeGreaterThanOrEqual(Date.parse(run.startedAt));
    expect(await ledgerBalanceOf(db, contractOwner(contractId), 'balance')).toBe('-10.00');

    const charges = await db
      .selectFrom('ledger_transfers')
      .select(['billing_run_id', 'actor_user_id', 'partner_id', 'value_date', 'quantity'])
      .where('contract_id', '=', contractId)
      .where('kind', '=', 'charge')
      .execute();
    expect(charges).toHaveLength(1);
    expect(charges[0]).toMatchObject({
      billing_run_id: run.id,
      partner_id: partner.id,
      value_date: day,
      quantity: 1,
    });
    expect(charges[0]!.actor_user_id).not.toBeNull();
    expect((await chargesOf(db, objectId, day)).map((charge) => `${charge.level}:${charge.amount}`)).toEqual([
      '0:10.00',
    ]);

    expect(expectStatus(await root.get(`/api/v1/billing/runs/${run.id}`), 200)).toEqual(run);
    const again = expectStatus<{ runs: BillingRun[] }>(await root.post('/api/v1/billing/runs', { day }), 201);
    expect(again.runs[0]).toMatchObject({ transfersCreated: 0, alreadyCharged: 1 });
  });

  it('runs each day of a range in order', async () => {
    await oneObjectBilledOn('2026-01-21');
    const body = expectStatus<{ runs: BillingRun[] }>(
      await root.post('/api/v1/billing/runs', { from: '2026-01-20', to: '2026-01-22' }),
      201,
    );
    expect(body.runs.map((run) => `${run.day} ${run.status} ${run.transfersCreated}`)).toEqual([
      '2026-01-20 completed 0',
      '2026-01-21 completed 1',
      '2026-01-22 completed 0',
    ]);
  });
});

describe('GET /billing/runs', () => {
  it('lists runs newest first, paged', async () => {
    const all = expectStatus<{ items: BillingRun[]; total: number }>(
      await root.get('/api/v1/billing/runs'),
      200,
    );
    expect(all.total).toBeGreaterThanOrEqual(5);
    const ids = all.items.map((run) => run.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const page2 = expectStatus<{ items: BillingRun[]; total: number }>(
      await root.get('/api/v1/billing/runs?page=2&pageSize=2'),
      200,
    );
    expect(page2.total).toBe(all.total);
    expect(page2.items.map((run) => run.id)).toEqual(ids.slice(2, 4));
    expect(fieldCodes(await root.get('/api/v1/billing/runs?pageSize=0'))).toEqual(['pageSize:out_of_range']);
  });

  it('answers 404 for a run that does not exist', async () => {
    expect(expectStatus(await root.get('/api/v1/billing/runs/999999'), 404)).toMatchObject({
      code: 'not_found',
    });
    expect(expectStatus(await root.get('/api/v1/billing/runs/999999/issues'), 404)).toMatchObject({
      code: 'not_found',
    });
  });

  it("lists a run's issues with the object's, partner's and tariff's names and a message in the caller's language", async () => {
    const day = '2026-01-25';
    const usdPrice = await insertPricedTariff(db, '31.00', { currency: 'USD' });
    const { partner, objectId } = await oneObjectBilledOn(day, { partnerPriceTariffId: usdPrice });
    const [run] = expectStatus<{ runs: BillingRun[] }>(
      await root.post('/api/v1/billing/runs', { day }),
      201,
    ).runs;
    expect(run).toMatchObject({ transfersCreated: 1, issuesCount: 1 });

    const names = await namesOf(objectId, usdPrice);
    const issues = expectStatus(await root.get(`/api/v1/billing/runs/${run!.id}/issues`), 200);
    expect(issues).toEqual({
      items: [
        {
          objectId,
          objectName: names.objectName,
          partnerId: partner.id,
          partnerName: names.partnerName,
          tariffId: usdPrice,
          tariffName: names.tariffName,
          level: 1,
          reason: 'exchange_rate_missing',
          message:
            'No exchange rate from USD to RUB on this day: this level was not charged; enter the rate and run the day again',
          detail: { from: 'USD', to: 'RUB', tariffId: usdPrice },
        },
      ],
      total: 1,
    });
    const ru = expectStatus<{ items: { message: string }[] }>(
      await root.inLocale('ru').get(`/api/v1/billing/runs/${run!.id}/issues?page=1&pageSize=10`),
      200,
    );
    expect(ru.items[0]!.message).toBe(
      'Нет курса из USD в RUB на этот день: этот уровень не начислен; введите курс и запустите день снова',
    );
  });

  it('names the tariff without a price in force by its name, in English and Russian', async () => {
    const day = '2026-01-26';
    const tariffId = await insertTariff(db, { versions: [{ price: '310.00', from: '2026-01-27' }] });
    const partner = await insertPartner(db);
    const objectId = await insertObjectActiveOn(db, await insertContract(db, partner.id), tariffId, day);
    const [run] = expectStatus<{ runs: BillingRun[] }>(
      await root.post('/api/v1/billing/runs', { day }),
      201,
    ).runs;
    expect(run).toMatchObject({
      status: 'completed',
      objectsCharged: 0,
      transfersCreated: 0,
      issuesCount: 1,
    });

    const names = await namesOf(objectId, tariffId);
    expect(expectStatus(await root.get(`/api/v1/billing/runs/${run!.id}/issues`), 200)).toEqual({
      items: [
        {
          objectId,
          objectName: names.objectName,
          partnerId: partner.id,
          partnerName: names.partnerName,
          tariffId,
          tariffName: names.tariffName,
          level: 0,
          reason: 'price_missing',
          message: `The tariff “${names.tariffName}” has no price in force on this day: this level was not charged; add a price from this day and run the day again`,
          detail: { tariffId },
        },
      ],
      total: 1,
    });
    const ru = expectStatus<{ items: { message: string }[] }>(
      await root.inLocale('ru').get(`/api/v1/billing/runs/${run!.id}/issues`),
      200,
    );
    expect(ru.items.map((item) => item.message)).toEqual([
      `У тарифа «${names.tariffName}» нет цены, действующей в этот день: этот уровень не начислен; добавьте цену с этого дня и запустите день снова`,
    ]);
  });
});

describe('blocking for debt by the run', () => {
  it('blocks a prepayment contract whose balance goes below zero; its portal users are refused', async () => {
    const day = '2026-01-28';
    const { contractId } = await oneObjectBilledOn(day);
    const postpayment = await insertContract(db, (await insertPartner(db)).id, {
      accountType: 'postpayment',
    });
    const tariffId = await insertPricedTariff(db, '310.00');
    await insertObjectActiveOn(db, postpayment, tariffId, day);
    const user = await createPortalUser(root, contractId);
    const portalLogin = () =>
      context.app.inject({
        method: 'POST',
        url: '/api/v1/portal/login',
        payload: { login: user.login, password: PORTAL_PASSWORD },
      });
    expect((await portalLogin()).statusCode).toBe(200);

    expectStatus(await root.post('/api/v1/billing/runs', { day }), 201);
    const contracts = await db
      .selectFrom('contracts')
      .select(['id', 'debt_blocked'])
      .where('id', 'in', [contractId, postpayment])
      .orderBy('id')
      .execute();
    expect(contracts).toEqual([
      { id: contractId, debt_blocked: true },
      { id: postpayment, debt_blocked: false },
    ]);
    const history = await db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_type', '=', 'contract')
      .where('entity_id', '=', contractId)
      .execute();
    expect(history.map((event) => event.action)).toContain('blocked_for_debt');
    expect(expectStatus(await portalLogin(), 403)).toMatchObject({ code: 'contract_blocked' });
  });
});

describe('the CLI: npm run cli -- billing run', () => {
  it('reads --date, or --from and --to', () => {
    const todayDay = '2026-03-10';
    expect(parseBillingArgs(['run', '--date', '2026-03-01'], todayDay)).toEqual({
      from: '2026-03-01',
      to: '2026-03-01',
    });
    expect(parseBillingArgs(['run', '--from', '2026-03-01', '--to', '2026-03-10'], todayDay)).toEqual({
      from: '2026-03-01',
      to: '2026-03-10',
    });
    expect(parseBillingArgs(['run', '--from=2025-03-11', '--to=2026-03-10'], todayDay)).toEqual({
      from: '2025-03-11',
      to: '2026-03-10',
    });
  });

  it('refuses what it cannot run, saying which option is wrong', () => {
    const todayDay = '2026-03-10';
    const error = (args: string[]) => {
      const parsed = parseBillingArgs(args, todayDay);
      return 'error' in parsed ? parsed.error : null;
    };
    expect(error(['run'])).toBe('--date: Day is required');
    expect(error(['run', '--date', '2026-03-11'])).toBe(
      '--date: Day cannot be after today: a day is billed once it has begun',
    );
    expect(error(['run', '--date', '2026-02-29'])).toBe('--date: Day has an invalid format');
    expect(error(['run', '--date', '2026-03-01', '--to', '2026-03-02'])).toMatch(/^--date: Choose one day/);
    expect(error(['run', '--from', '2026-03-01'])).toBe('--to: To is required');
    expect(error(['run', '--from', '2026-03-05', '--to', '2026-03-01'])).toBe(
      '--to: To cannot be before From',
    );
    expect(error(['run', '--from', '2025-03-09', '--to', '2026-03-10'])).toBe(
      '--to: A run covers at most 366 days; choose a shorter range',
    );
    expect(error(['run', '--day', '2026-03-01'])).toMatch(/Unknown option '--day'/);
    expect(error(['walk', '--date', '2026-03-01'])).toMatch(/^Unknown billing command "walk"/);
    expect(error([])).toMatch(/^Unknown billing command ""/);
  });

  it('runs what the CLI runs and prints one line per day', async () => {
    const day = '2026-01-30';
    await oneObjectBilledOn(day);
    const lines: string[] = [];
    const code = await runBillingCommand(
      db,
      { from: '2026-01-29', to: day },
      { print: (line) => lines.push(line), printError: (line) => lines.push(`ERROR ${line}`) },
    );
    expect(code).toBe(0);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^2026-01-29: run \d+ charged 0 objects, 0 transfers \(0 already charged, 0 issues\) in \d+ ms$/,
    );
    expect(lines[1]).toMatch(
      /^2026-01-30: run \d+ charged 1 objects, 1 transfers \(0 already charged, 0 issues\) in \d+ ms; RUB level 0: 10.00$/,
    );
    const runs = await db
      .selectFrom('billing_runs')
      .select(['trigger', 'actor_user_id'])
      .where('day', '=', day)
      .execute();
    expect(runs).toEqual([{ trigger: 'cli', actor_user_id: null }]);
  });
});
