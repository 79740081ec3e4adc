import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createContract,
  createObject,
  createPartner,
  createTariff,
  signInAsPartner,
  type CreatedPartner,
  type ContractResponseBody,
  type ObjectResponseBody,
} from '../../../test/builders.js';
import { expectStatus, fieldCodes, type TestClient } from '../../../test/client.js';
import { correct, pay, postCharge, writeOff } from '../../../test/money-builders.js';
import { useTestAppAsRoot } from '../../../test/test-suite.js';
import { expectLedgerConsistent } from '../../../test/ledger-checks.js';
import { today } from '../../lib/clock.js';
import { decimal, formatAmount, roundAmount } from '../../lib/money.js';
import type { RevenueResponse, StatementResponse } from './finance.schemas.js';
import type { Static } from 'typebox';

type StatementBody = Static<typeof StatementResponse>;
type RevenueBody = Static<typeof RevenueResponse>;

const { context, root } = useTestAppAsRoot();
let dealer: CreatedPartner;
let sub: CreatedPartner;
let tariff: { id: number; name: string };
let contract: ContractResponseBody;
let subContract: ContractResponseBody;
let usdContract: ContractResponseBody;
const object: Record<string, ObjectResponseBody> = {};

beforeAll(async () => {
  const db = context.database.db;
  tariff = await createTariff(root, {
    name: 'Daily',
    period: 'day',
    price: '1.00',
    effectiveFrom: '2026-01-01',
  });
  const usdTariff = await createTariff(root, {
    name: 'Daily USD',
    currency: 'USD',
    period: 'day',
    price: '1.00',
  });
  dealer = await createPartner(root, { name: 'Dealer', vatPercent: '20', additionalCurrencies: ['USD'] });
  sub = await createPartner(root, { name: 'Sub', parentId: dealer.id, vatPercent: '10' });
  contract = await createContract(root, dealer.id, { name: 'Client', tariffId: tariff.id });
  subContract = await createContract(root, sub.id, { name: 'Sub client', tariffId: tariff.id });
  usdContract = await createContract(root, dealer.id, { currency: 'USD', tariffId: usdTariff.id });
  for (const name of ['Truck B', 'truck a', 'Truck C'])
    object[name] = await createObject(root, contract.id, { name });
  object.sub = await createObject(root, subContract.id, { name: 'Sub truck' });
  object.usd = await createObject(root, usdContract.id, { name: 'USD truck' });

  const charge = (options: Parameters<typeof postCharge>[1]) =>
    postCharge(db, { tariffId: tariff.id, ...options });
  const c = { contractId: contract.id, partnerId: dealer.id, level: 0 };
  // March: three lines of 0.03 each. VAT 20% per line is 0.006 → 0.01, so 0.03 in all; rounding the
  // total (0.09 × 20% = 0.018) would give 0.02.
  await charge({ ...c, objectId: object['truck a']!.id, day: '2026-03-01', amount: '0.01' });
  await charge({ ...c, objectId: object['truck a']!.id, day: '2026-03-02', amount: '0.02' });
  // (An object-day of one contract, tariff and day costs what the others cost: Truck B's is on 03-04.)
  await charge({ ...c, objectId: object['Truck B']!.id, day: '2026-03-04', amount: '0.03' });
  await charge({ ...c, objectId: object['Truck C']!.id, day: '2026-03-31', amount: '0.03' });
  // Outside March, and a charge reversed by a correction: on no March statement.
  await charge({ ...c, objectId: object['truck a']!.id, day: '2026-02-28', amount: '1.00' });
  const reversed = await charge({ ...c, objectId: object['Truck B']!.id, day: '2026-03-03', amount: '5.00' });
  await correct(root, reversed, 'Charged twice');
  // Level 1: the dealer pays the platform its Partner price; level 2: the sub-partner pays the dealer.
  await charge({
    contractId: contract.id,
    partnerId: dealer.id,
    level: 1,
    objectId: object['truck a']!.id,
    day: '2026-03-01',
    amount: '0.40',
  });
  await charge({
    contractId: subContract.id,
    partnerId: dealer.id,
    level: 1,
    objectId: object.sub.id,
    day: '2026-03-01',
    amount: '0.40',
  });
  await charge({
    contractId: subContract.id,
    partnerId: sub.id,
    level: 2,
    objectId: object.sub.id,
    day: '2026-03-01',
    amount: '0.50',
  });
  // The sub-partner's client: VAT 10% of 0.05 is 0.005, half-up 0.01.
  await charge({
    contractId: subContract.id,
    partnerId: sub.id,
    level: 0,
    objectId: object.sub.id,
    day: '2026-03-01',
    amount: '0.05',
  });
  await charge({
    contractId: usdContract.id,
    partnerId: dealer.id,
    level: 0,
    objectId: object.usd.id,
    day: '2026-03-05',
    amount: '7.00',
    currency: 'USD',
    tariffId: usdTariff.id,
  });

  await writeOff(root, { contractId: contract.id }, '2', { valueDate: '2026-03-15' });
  await writeOff(root, { partnerId: sub.id }, '3', { valueDate: '2026-03-16' });
  await writeOff(root, { partnerId: dealer.id }, '1', { valueDate: '2026-03-17' });
  await pay(root, { partnerId: dealer.id }, '100', { valueDate: '2026-03-18' });
  await pay(root, { contractId: contract.id }, '50', { valueDate: '2026-03-18' });
});

const statement = async (client: TestClient, query: string) =>
  expectStatus<StatementBody>(await client.get(`/api/v1/finance/statements?${query}`), 200);

/** A line of the contract's March statement: one of its objects on the Daily tariff, 0.03 net + 0.01 VAT. */
const dailyLine = (name: string, days: number) => ({
  objectId: object[name]!.id,
  objectName: name,
  deviceId: object[name]!.deviceId,
  tariffId: tariff.id,
  tariffName: 'Daily',
  days,
  net: '0.03',
  vat: '0.01',
  gross: '0.04',
});

describe('statements', () => {
  it("of a contract: its partner's VAT rounded half-up once per line, totals the sums of the lines", async () => {
    const body = await statement(root, `contractId=${contract.id}&month=2026-03`);
    expect(body).toEqual({
      month: '2026-03',
      currency: 'RUB',
      vatPercent: '20.00',
      seller: { type: 'partner', id: dealer.id, name: 'Dealer' },
      buyer: { type: 'contract', id: contract.id, name: 'Client' },
      lines: [dailyLine('truck a', 2), dailyLine('Truck B', 1), dailyLine('Truck C', 1)],
      totals: { net: '0.09', vat: '0.03', gross: '0.12' },
    });
    // Rounding the total instead would have given another VAT: the rule is per line.
    expect(formatAmount(roundAmount(decimal(body.totals.net).times(20).dividedBy(100)))).toBe('0.02');

    const february = await statement(root, `contractId=${contract.id}&month=2026-02`);
    expect(february.lines.map((line) => [line.days, line.net])).toEqual([[1, '1.00']]);
    expect((await statement(root, `contractId=${contract.id}&month=2026-04`)).totals).toEqual({
      net: '0.00',
      vat: '0.00',
      gross: '0.00',
    });
  });

  it('rounds a VAT of exactly half a kopeck up', async () => {
    const body = await statement(root, `contractId=${subContract.id}&month=2026-03`);
    expect(body).toMatchObject({
      vatPercent: '10.00',
      seller: { type: 'partner', id: sub.id, name: 'Sub' },
      totals: { net: '0.05', vat: '0.01', gross: '0.06' },
    });
  });

  it("of a partner: its Partner price charges, with its parent's VAT (the platform sells with the partner's own)", async () => {
    const subStatement = await statement(root, `partnerId=${sub.id}&month=2026-03`);
    expect(subStatement).toMatchObject({
      currency: 'RUB',
      vatPercent: '20.00',
      seller: { type: 'partner', id: dealer.id, name: 'Dealer' },
      buyer: { type: 'partner', id: sub.id, name: 'Sub' },
      lines: [
        {
          objectId: object.sub!.id,
          objectName: 'Sub truck',
          days: 1,
          net: '0.50',
          vat: '0.10',
          gross: '0.60',
        },
      ],
      totals: { net: '0.50', vat: '0.10', gross: '0.60' },
    });
    const dealerStatement = await statement(root, `partnerId=${dealer.id}&month=2026-03`);
    expect(dealerStatement).toMatchObject({
      vatPercent: '20.00',
      seller: { type: 'platform', id: null, name: null },
      buyer: { type: 'partner', id: dealer.id, name: 'Dealer' },
      totals: { net: '0.80', vat: '0.16', gross: '0.96' },
    });
    expect(dealerStatement.lines.map((line) => line.objectName)).toEqual(['Sub truck', 'truck a']);
    expect((await statement(root, `partnerId=${dealer.id}&month=2026-03&currency=USD`)).lines).toEqual([]);
  });

  it("does not name a partner administrator's own parent", async () => {
    const subAdmin = await signInAsPartner(context.app, sub);
    const own = await statement(subAdmin, `partnerId=${sub.id}&month=2026-03`);
    expect(own.seller).toEqual({ type: 'partner', id: null, name: null });
    expect(own.totals.gross).toBe('0.60');
    for (const query of [`partnerId=${dealer.id}&month=2026-03`, `contractId=${contract.id}&month=2026-03`]) {
      expect((await subAdmin.get(`/api/v1/finance/statements?${query}`)).statusCode, query).toBe(404);
    }
  });

  it('asks for exactly one of contract and partner, and a month', async () => {
    expect(fieldCodes(await root.get('/api/v1/finance/statements?month=2026-03'))).toEqual([
      'contractId:target_required',
    ]);
    expect(
      fieldCodes(
        await root.get(
          `/api/v1/finance/statements?month=2026-03&contractId=${contract.id}&partnerId=${sub.id}`,
        ),
      ),
    ).toEqual(['partnerId:target_ambiguous']);
    expect(
      fieldCodes(await root.get(`/api/v1/finance/statements?contractId=${contract.id}&month=2026-13`)),
    ).toEqual(['month:format']);
    expect(fieldCodes(await root.get(`/api/v1/finance/statements?contractId=${contract.id}`))).toEqual([
      'month:required',
    ]);
  });

  it('exports csv and xlsx with a totals row', async () => {
    const csv = await root.get(
      `/api/v1/finance/statements/export?format=csv&contractId=${contract.id}&month=2026-03`,
    );
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toBe(
      `attachment; filename="statement-2026-03-${today()}.csv"`,
    );
    const rows: string[][] = parse(csv.rawPayload, { bom: true });
    expect(rows).toEqual([
      ['Object', 'Device ID', 'Tariff', 'Days', 'Net', 'VAT', 'Gross'],
      ['truck a', object['truck a']!.deviceId, 'Daily', '2', '0.03', '0.01', '0.04'],
      ['Truck B', object['Truck B']!.deviceId, 'Daily', '1', '0.03', '0.01', '0.04'],
      ['Truck C', object['Truck C']!.deviceId, 'Daily', '1', '0.03', '0.01', '0.04'],
      ['Total', '', '', '', '0.09', '0.03', '0.12'],
    ]);
    const xlsx = await root
      .inLocale('ru')
      .get(`/api/v1/finance/statements/export?format=xlsx&partnerId=${sub.id}&month=2026-03`);
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Акт 2026-03');
    expect(sheet.getRow(1).getCell(6).value).toBe('НДС');
    expect(sheet.getRow(2).getCell(1).value).toBe('Sub truck');
    expect(sheet.getRow(3).getCell(1).value).toBe('Итого');
    expect(sheet.getRow(3).getCell(7)).toMatchObject({
      type: ExcelJS.ValueType.Number,
      value: 0.6,
      numFmt: '#,##0.00',
    });
  });
});

const revenue = async (client: TestClient, query: string) =>
  expectStatus<RevenueBody>(await client.get(`/api/v1/finance/revenue?${query}`), 200);

describe('revenue and margin', () => {
  it('counts what a partner charged and wrote off (less corrections) against what it was charged', async () => {
    // Revenue: its client's charges 0.09 + 1.00 (+5.00 reversed in full), the sub-partner's Partner
    // price 0.50, write-offs from its client 2.00 and from the sub-partner 3.00. Cost: its Partner
    // price 0.80 and a write-off 1.00. Payments are neither.
    const body = await revenue(root, `partnerId=${dealer.id}&from=2026-01-01&to=${today()}`);
    expect(body).toEqual({
      from: '2026-01-01',
      to: today(),
      items: [
        { currency: 'RUB', revenue: '6.59', cost: '1.80', margin: '4.79' },
        { currency: 'USD', revenue: '7.00', cost: '0.00', margin: '7.00' },
      ],
    });
    // The correction is dated the day it was made: March alone still holds the reversed charge.
    const march = await revenue(root, `partnerId=${dealer.id}&from=2026-03-01&to=2026-03-31`);
    expect(march.items[0]).toEqual({ currency: 'RUB', revenue: '10.59', cost: '1.80', margin: '8.79' });
  });

  it("of a sub-partner, of the caller's own partner by default, and of the platform", async () => {
    const period = `from=2026-03-01&to=2026-03-31`;
    expect((await revenue(root, `partnerId=${sub.id}&${period}`)).items).toEqual([
      { currency: 'RUB', revenue: '0.05', cost: '3.50', margin: '-3.45' },
    ]);
    const subAdmin = await signInAsPartner(context.app, sub);
    expect((await revenue(subAdmin, period)).items).toEqual([
      { currency: 'RUB', revenue: '0.05', cost: '3.50', margin: '-3.45' },
    ]);
    expect((await subAdmin.get(`/api/v1/finance/revenue?partnerId=${dealer.id}`)).statusCode).toBe(404);
    expect((await revenue(root, period)).items).toEqual([
      { currency: 'RUB', revenue: '1.80', cost: '0.00', margin: '1.80' },
    ]);
    expect(fieldCodes(await root.get('/api/v1/finance/revenue?from=2026-03-02&to=2026-03-01'))).toEqual([
      'to:period_order',
    ]);
  });

  it('leaves the ledger consistent', async () => {
    await expectLedgerConsistent(context.database.db);
  });
});
