import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createContract,
  createPartner,
  signInAsPartner,
  type CreatedPartner,
  type ContractResponseBody,
} from '../../../test/builders.js';
import { expectStatus, fieldCodes, type TestClient } from '../../../test/client.js';
import { pay, writeOff, type TransferBody } from '../../../test/money-builders.js';
import { useTestAppAsRoot } from '../../../test/test-suite.js';
import { today } from '../../lib/clock.js';
import { PLATFORM, applyAccountDeltas, openAccount } from '../ledger/ledger.public.js';
import type { TransferList } from './finance.schemas.js';
import type { Static } from 'typebox';

type TransferListBody = Static<typeof TransferList>;

const { context, root } = useTestAppAsRoot({ rootLogin: 'tx.root' });
let dealer: CreatedPartner;
let sub: CreatedPartner;
let foreign: CreatedPartner;
let dealerAdmin: TestClient;
let dealerContract: ContractResponseBody;
let subContract: ContractResponseBody;
let foreignContract: ContractResponseBody;
/** The transfers made in beforeAll, by a short name. */
const made: Record<string, TransferBody> = {};

beforeAll(async () => {
  dealer = await createPartner(root, { name: 'Dealer' });
  sub = await createPartner(root, { name: 'Sub', parentId: dealer.id });
  foreign = await createPartner(root, { name: 'Foreign' });
  dealerAdmin = await signInAsPartner(context.app, dealer);
  dealerContract = await createContract(root, dealer.id, { name: 'Dealer client' });
  subContract = await createContract(root, sub.id, { name: 'Sub client' });
  foreignContract = await createContract(root, foreign.id, { name: 'Foreign client' });

  made.dealerTopUp = await pay(root, { partnerId: dealer.id }, '1000', { valueDate: '2026-01-05' });
  made.dealerClientPaid = await pay(dealerAdmin, { contractId: dealerContract.id }, '300', {
    valueDate: '2026-01-10',
    comment: '=cmd|calc',
  });
  made.dealerClientFee = await writeOff(root, { contractId: dealerContract.id }, '45.5', {
    valueDate: '2026-02-01',
  });
  made.subTopUp = await pay(dealerAdmin, { partnerId: sub.id }, '120', { valueDate: '2026-01-20' });
  made.subClientPaid = await pay(root, { contractId: subContract.id }, '80', { valueDate: '2026-02-15' });
  made.foreignPaid = await pay(root, { contractId: foreignContract.id }, '999', { valueDate: '2026-01-31' });
  made.dealerFee = await writeOff(root, { partnerId: dealer.id }, '10', { valueDate: '2026-03-01' });
});

const list = async (client: TestClient, query = '') =>
  expectStatus<TransferListBody>(await client.get(`/api/v1/finance/transactions?${query}`), 200);
const idsOf = (body: TransferListBody) => body.items.map((item) => item.id);
const id = (name: string) => made[name]!.id;

describe('the transactions list', () => {
  it('lists every transfer, newest first, with paging facts', async () => {
    const body = await list(root);
    expect(body).toMatchObject({ total: 7, totalCapped: false, page: 1, pageSize: 50 });
    expect(idsOf(body)).toEqual(
      [
        'dealerFee',
        'foreignPaid',
        'subClientPaid',
        'subTopUp',
        'dealerClientFee',
        'dealerClientPaid',
        'dealerTopUp',
      ].map(id),
    );
    expect(body.items.every((item) => item.signedAmount === null)).toBe(true);
  });

  it("filters by partner (its own and its contracts' transfers), kind and value dates", async () => {
    expect(idsOf(await list(root, `partnerId=${dealer.id}&order=asc`))).toEqual(
      ['dealerTopUp', 'dealerClientPaid', 'dealerClientFee', 'dealerFee'].map(id),
    );
    expect(idsOf(await list(root, `partnerId=${sub.id}&order=asc`))).toEqual(
      ['subTopUp', 'subClientPaid'].map(id),
    );
    expect(idsOf(await list(root, 'kind=write_off&order=asc'))).toEqual(
      ['dealerClientFee', 'dealerFee'].map(id),
    );
    expect(idsOf(await list(root, 'from=2026-01-10&to=2026-01-31&sort=valueDate&order=asc'))).toEqual(
      ['dealerClientPaid', 'subTopUp', 'foreignPaid'].map(id),
    );
    expect(idsOf(await list(root, 'kind=charge'))).toEqual([]);
  });

  it("filtered to a contract, or to a partner's own account, signs each amount", async () => {
    const contract = await list(root, `contractId=${dealerContract.id}&order=asc`);
    expect(contract.items.map((item) => [item.id, item.signedAmount])).toEqual([
      [id('dealerClientPaid'), '300.00'],
      [id('dealerClientFee'), '-45.50'],
    ]);
    const own = await list(root, `partnerId=${dealer.id}&own=true&order=asc`);
    expect(own.items.map((item) => [item.id, item.signedAmount])).toEqual([
      [id('dealerTopUp'), '1000.00'],
      [id('dealerFee'), '-10.00'],
    ]);
  });

  it('sorts by amount and value date either way, and pages', async () => {
    expect((await list(root, 'sort=amount&order=desc&pageSize=3')).items.map((item) => item.amount)).toEqual([
      '1000.00',
      '999.00',
      '300.00',
    ]);
    const page = await list(root, 'sort=amount&order=asc&pageSize=3&page=2');
    expect(page).toMatchObject({ total: 7, page: 2, pageSize: 3 });
    expect(page.items.map((item) => item.amount)).toEqual(['120.00', '300.00', '999.00']);
    expect((await list(root, 'sort=valueDate&order=desc&pageSize=1')).items[0]?.id).toBe(id('dealerFee'));
    expect(fieldCodes(await root.get('/api/v1/finance/transactions?pageSize=201'))).toEqual([
      'pageSize:out_of_range',
    ]);
    expect(fieldCodes(await root.get('/api/v1/finance/transactions?sort=name'))).toEqual(['sort:enum']);
  });

  it('shows a partner administrator its subtree only; a foreign filter gives an empty list', async () => {
    const body = await list(dealerAdmin, 'order=asc');
    expect(idsOf(body)).toEqual(
      ['dealerTopUp', 'dealerClientPaid', 'dealerClientFee', 'subTopUp', 'subClientPaid', 'dealerFee'].map(
        id,
      ),
    );
    expect(await list(dealerAdmin, `partnerId=${foreign.id}`)).toMatchObject({ items: [], total: 0 });
    expect(await list(dealerAdmin, `contractId=${foreignContract.id}`)).toMatchObject({
      items: [],
      total: 0,
    });
    const subAdmin = await signInAsPartner(context.app, sub);
    expect(idsOf(await list(subAdmin, 'order=asc'))).toEqual(['subTopUp', 'subClientPaid'].map(id));
  });

  it('names who entered a transfer only where that person exists for the viewer', async () => {
    const byViewer = async (client: TestClient) =>
      (await list(client, `partnerId=${dealer.id}&order=asc`)).items.map((item) => item.actorLogin);
    expect(await byViewer(root)).toEqual(['tx.root', dealer.login, 'tx.root', 'tx.root']);
    expect(await byViewer(dealerAdmin)).toEqual([null, dealer.login, null, null]);
  });

  it('counts up to 10000 and says when there are more', async () => {
    const db = context.database.db;
    const crowded = await createPartner(root, { name: 'Crowded' });
    const funds = await openAccount(db, PLATFORM, 'funds', 'RUB');
    const balance = await openAccount(db, { type: 'partner', id: crowded.id }, 'balance', 'RUB');
    await sql`
      with moved as (
        insert into ledger_transfers (kind, currency, debit_account_id, credit_account_id, amount, partner_id, value_date)
        select 'payment', 'RUB', ${funds}, ${balance}, 1, ${crowded.id}, '2026-01-01'
          from generate_series(1, 10001)
        returning debit_account_id, credit_account_id, amount
      ), balances as (${applyAccountDeltas('moved')})
      select 1`.execute(db);
    const body = await list(root, `partnerId=${crowded.id}&pageSize=200&page=51`);
    expect(body).toMatchObject({ total: 10000, totalCapped: true, page: 51 });
    expect(body.items).toHaveLength(1);
    expect((await list(root, `partnerId=${crowded.id}&kind=write_off`)).totalCapped).toBe(false);
  });
});

describe('the transactions export', () => {
  const parseCsv = (payload: Buffer): string[][] => parse(payload, { bom: true });

  it('writes the filtered list as csv, formulas neutralised', async () => {
    const response = await root.get(
      `/api/v1/finance/transactions/export?format=csv&contractId=${dealerContract.id}&order=asc`,
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="transactions-${today()}.csv"`,
    );
    const rows = parseCsv(response.rawPayload);
    expect(rows[0]).toEqual([
      'ID',
      'Date',
      'Type',
      'Amount',
      'Signed amount',
      'Currency',
      'Partner',
      'Contract',
      'Object',
      'Object-days',
      'Amount per object-day',
      'Level',
      'Charge day',
      'Reverses transaction',
      'Reversed by transaction',
      'Comment',
      'Entered by',
      'Created at (UTC)',
    ]);
    expect(rows.slice(1).map((row) => row.slice(0, 8))).toEqual([
      [
        String(id('dealerClientPaid')),
        '2026-01-10',
        'Payment',
        '300.00',
        '300.00',
        'RUB',
        'Dealer',
        'Dealer client',
      ],
      [
        String(id('dealerClientFee')),
        '2026-02-01',
        'Write-off',
        '45.50',
        '-45.50',
        'RUB',
        'Dealer',
        'Dealer client',
      ],
    ]);
    expect(rows[1]?.[15]).toBe("'=cmd|calc");
    expect(rows[1]?.[16]).toBe(dealer.login);
  });

  it('writes xlsx in Russian, only the caller subtree', async () => {
    const response = await dealerAdmin
      .inLocale('ru')
      .get('/api/v1/finance/transactions/export?format=xlsx&kind=payment&order=asc');
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Операции');
    expect(sheet.getRow(1).getCell(3).value).toBe('Тип');
    expect(sheet.rowCount).toBe(5);
    expect(sheet.getRow(2).getCell(1).value).toBe(id('dealerTopUp'));
    expect(sheet.getRow(2).getCell(3).value).toBe('Платёж');
    expect(sheet.getRow(2).getCell(4)).toMatchObject({ value: 1000, numFmt: '#,##0.00' });
    expect(sheet.getRow(2).getCell(2)).toMatchObject({
      value: new Date('2026-01-05T00:00:00Z'),
      numFmt: 'dd.mm.yyyy',
    });
    const exported = [2, 3, 4, 5].map((row) => sheet.getRow(row).getCell(1).value);
    expect(exported).not.toContain(id('foreignPaid'));
  });
});
