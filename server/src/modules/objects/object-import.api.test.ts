import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStatus, fieldCodes, type TestClient } from '../../../test/client.js';
import {
  createDealer,
  createObject,
  createPartner,
  createSuperAdmin,
  createTariff,
  uniqueImei,
  type CreatedPartner,
  type HistoryResponseBody,
} from '../../../test/builders.js';
import { createTestApp, type TestContext } from '../../../test/test-app.js';
import { luhnCheckDigit } from '../../lib/luhn.js';
import { getObjectBody, pinsOf, vehiclesCount } from '../../../test/object-helpers.js';
import { insertContract } from '../../../test/table-rows.js';
import type { ImportResponse } from './objects.schemas.js';
import type { Static } from 'typebox';

type ImportBody = Static<typeof ImportResponse>;

const CSV = 'text/csv; charset=utf-8';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function postFile(client: TestClient, body: Buffer | string, type: string, query = '') {
  return client.request('POST', `/api/v1/objects/import${query}`, body, { 'content-type': type });
}

const imeiWithWrongDigit = () => {
  const imei = uniqueImei();
  return `${imei.slice(0, 14)}${(Number(imei[14]) + 5) % 10}`;
};

describe('POST /objects/import', () => {
  let context: TestContext;
  let root: TestClient;
  let dealer: CreatedPartner;
  let dealerSession: TestClient;
  let contractId: number;

  beforeAll(async () => {
    context = await createTestApp();
    root = await createSuperAdmin(context.app, context.database.db);
    ({ dealer, dealerSession } = await createDealer(root));
    contractId = await insertContract(context.database.db, dealer.id);
  });
  afterAll(() => context.close());

  it('creates the good rows of a csv and reports each refused row with translated reasons', async () => {
    const db = context.database.db;
    const other = await insertContract(db, dealer.id);
    const stranger = await createPartner(root, {});
    const strangerContract = await insertContract(db, stranger.id);
    const taken = await createObject(dealerSession, contractId, { deviceId: 'TAKEN-1' });
    const good = [uniqueImei(), uniqueImei(), uniqueImei()];
    const duplicate = uniqueImei();
    const iccidBody = '897010100123456700';
    const csv = [
      'name;device_id;SIM PHONE;iccid;Active;Contract ID',
      `Good one;${good[0]};+79161234567;${iccidBody}${luhnCheckDigit(iccidBody)};yes;`,
      `Good two;${good[1]};;;no;${other}`,
      `;${imeiWithWrongDigit()};12;123;maybe;`,
      `Taken;taken-1;;;;`,
      `Dup A;${duplicate};;;;`,
      `Dup B;${duplicate.toLowerCase()};;;;`,
      '',
      `Foreign;${good[2]};;;;${strangerContract}`,
      `Good three;${good[2]}x;;;;`,
    ].join('\r\n');
    const report = expectStatus<ImportBody>(
      await postFile(dealerSession, csv, CSV, `?contractId=${contractId}`),
      200,
    );
    expect(report.total).toBe(8);
    expect(report.created).toBe(4);
    expect(report.createdIds).toHaveLength(4);
    expect(
      report.refused.map((entry) => [entry.row, entry.errors.map((error) => `${error.field}:${error.code}`)]),
    ).toEqual([
      [
        4,
        [
          'active:import_boolean',
          'name:required',
          'deviceId:imei_checksum',
          'simPhone:phone_invalid',
          'iccid:iccid_format',
        ],
      ],
      [5, ['deviceId:device_id_taken_by']],
      [7, ['deviceId:import_device_duplicate']],
      [9, ['contractId:contract_not_found']],
    ]);
    expect(report.refused[1]!.errors[0]!.message).toBe(
      `This device ID or IMEI is already connected to object "${String(taken.name)}" (ID ${taken.id})`,
    );
    expect(report.refused[2]!.errors[0]!.message).toBe(
      'Device ID or IMEI repeats the one of row 6 of the file',
    );

    const [first, second] = [
      await getObjectBody(dealerSession, report.createdIds[0]!),
      await getObjectBody(dealerSession, report.createdIds[1]!),
    ];
    expect(first).toMatchObject({ name: 'Good one', contractId, simPhone: '+79161234567', active: true });
    expect(second).toMatchObject({ name: 'Good two', contractId: other, active: false });
    expect(await pinsOf(db, first.id)).toEqual([
      { tariff_id: first.tariffId, effective_from: first.tariffPinnedAt },
    ]);
    const history = expectStatus<HistoryResponseBody>(
      await dealerSession.get(`/api/v1/objects/${first.id}/history`),
      200,
    );
    expect(history.items).toMatchObject([{ action: 'created', actor: { login: dealer.login } }]);
  });

  it('reads an xlsx built by exceljs, Russian headers and messages', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Objects');
    const imei = uniqueImei();
    sheet.addRow(['Наименование', 'ID устройства', 'Госномер', 'ID договора']);
    sheet.addRow(['Грузовик', Number(imei), 'а001аа', contractId]);
    sheet.addRow(['Без договора', uniqueImei(), '', '']);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const report = expectStatus<ImportBody>(await postFile(dealerSession.inLocale('ru'), file, XLSX), 200);
    expect(report).toMatchObject({ total: 2, created: 1 });
    expect(report.refused).toEqual([
      { row: 3, errors: [{ field: 'contractId', code: 'required', message: 'Поле «Договор» обязательно' }] },
    ]);
    expect(await getObjectBody(dealerSession, report.createdIds[0]!)).toMatchObject({
      deviceId: imei,
      plateNumber: 'А001АА',
    });
  });

  it('refuses a file without the required columns, an unreadable one, a foreign default contract, another type', async () => {
    const noColumns = await postFile(dealerSession, 'Plate number\nX1\n', CSV, `?contractId=${contractId}`);
    expect(noColumns.statusCode).toBe(400);
    expect(fieldCodes(noColumns)).toEqual(['name:import_column_missing', 'deviceId:import_column_missing']);
    const broken = await postFile(dealerSession, Buffer.from('not a zip'), XLSX);
    expect(fieldCodes(broken)).toEqual(['file:import_unreadable']);
    const empty = await postFile(dealerSession, '\n\n', CSV);
    expect(fieldCodes(empty)).toEqual(['file:import_empty']);
    const stranger = await createPartner(root, {});
    const foreign = await postFile(
      dealerSession,
      'Name,Device ID\nA,B-1\n',
      CSV,
      `?contractId=${await insertContract(context.database.db, stranger.id)}`,
    );
    expect(fieldCodes(foreign)).toEqual(['contractId:contract_not_found']);
    const wrongType = await postFile(dealerSession, 'Name,Device ID\nA,B-1\n', 'text/plain');
    expect(wrongType.statusCode).toBe(415);
  });

  it('refuses a row with a NUL character in a cell and creates the others', async () => {
    const csv = `Name,Device ID\nGood ${uniqueImei()},${uniqueImei()}\nBad\u0000name,${uniqueImei()}\n`;
    const response = await postFile(dealerSession, csv, CSV, `?contractId=${contractId}`);
    const report = expectStatus<ImportBody>(response, 200);
    expect(report.created).toBe(1);
    expect(report.refused).toEqual([
      { row: 3, errors: [expect.objectContaining({ field: 'name', code: 'invalid_character' })] },
    ]);
  });

  it('imports 10,000 rows in one request', async () => {
    const partner = await createPartner(root, {});
    const contract = await insertContract(context.database.db, partner.id, {
      tariffId: (await createTariff(root)).id,
    });
    const lines = ['Name,Device ID,SIM phone,Plate number'];
    for (let index = 0; index < 10_000; index++) {
      lines.push(`Truck ${index},BULK-${index}-${contract},+7916${String(index).padStart(7, '0')},P${index}`);
    }
    const started = performance.now();
    const response = await postFile(root, lines.join('\n'), CSV, `?contractId=${contract}`);
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    console.info(`10,000-row import on ${context.database.engine}: ${seconds} s`);
    const report = expectStatus<ImportBody>(response, 200);
    expect(report).toMatchObject({ total: 10_000, created: 10_000, refused: [] });
    expect(await vehiclesCount(root, partner.id)).toBe(10_000);
    const counts = await context.database.db
      .selectFrom('objects as o')
      .where('o.contract_id', '=', contract)
      .select((eb) => [
        eb.fn.countAll<number>().as('objects'),
        eb
          .selectFrom('object_tariffs as t')
          .whereRef(
            't.object_id',
            'in',
            eb.selectFrom('objects').where('contract_id', '=', contract).select('id'),
          )
          .select(eb.fn.countAll<number>().as('n'))
          .as('pins'),
      ])
      .executeTakeFirstOrThrow();
    expect(Number(counts.objects)).toBe(10_000);
    expect(Number(counts.pins)).toBe(10_000);
  }, 120_000);
});
