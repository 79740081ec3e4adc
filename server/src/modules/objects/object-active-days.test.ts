import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectStatus, fieldCodes, type TestClient } from '../../../test/client.js';
import {
  createDealer,
  createObject,
  createPartner,
  createTariff,
  uniqueImei,
  type CreatedPartner,
  type HistoryResponseBody,
  type ObjectResponseBody,
} from '../../../test/builders.js';
import { useTestAppAsRoot } from '../../../test/test-suite.js';
import { today } from '../../lib/clock.js';
import { createMessages, type Locale } from '../../lib/messages.js';
import { objectsMessages } from './objects.messages.js';

const objectLabel = (field: string, locale: Locale) =>
  createMessages([objectsMessages]).translator(locale, objectsMessages).label(field);
import { yearsBefore } from './object-active-days.js';
import { addDays, getObjectBody, pinsOf } from '../../../test/object-helpers.js';
import { insertContract } from '../../../test/table-rows.js';
import type { ImportResponse } from './objects.schemas.js';
import type { Static } from 'typebox';

type ImportBody = Static<typeof ImportResponse>;

/** A day as the Russian interface, its messages and its csv write it: DD.MM.YYYY. */
const dotted = (day: string) => day.split('-').reverse().join('.');

interface ProblemBody {
  errors: { field: string; code: string; message: string }[];
}

/* The days an object is billed: Active from and Active until, through every route that touches them. */
describe('objects: Active from and Active until', () => {
  const { context, root } = useTestAppAsRoot();
  let tariffId: number;
  let dealer: CreatedPartner;
  let dealerSession: TestClient;
  let contractId: number;
  const day = today();
  const monthAgo = addDays(day, -30);

  beforeAll(async () => {
    ({ tariffId, dealer, dealerSession } = await createDealer(root));
    contractId = await insertContract(context.database.db, dealer.id);
  });

  const patch = async (id: number, body: Record<string, unknown>) => {
    const { version } = await getObjectBody(dealerSession, id);
    return dealerSession.patch(`/api/v1/objects/${id}`, { version, ...body });
  };
  const patched = async (id: number, body: Record<string, unknown>) =>
    expectStatus<ObjectResponseBody>(await patch(id, body), 200);
  const historyOf = async (id: number) =>
    expectStatus<HistoryResponseBody>(await dealerSession.get(`/api/v1/objects/${id}/history`), 200).items;

  describe('POST /objects', () => {
    it('bills a new object from the day it is created, with no end; the history says so', async () => {
      const object = expectStatus<ObjectResponseBody>(
        await dealerSession.post('/api/v1/objects', {
          contractId,
          name: 'Default days',
          deviceId: uniqueImei(),
        }),
        201,
      );
      expect(object).toMatchObject({ activeFrom: day, activeUntil: null, tariffPinnedAt: day });
      expect(await getObjectBody(dealerSession, object.id)).toMatchObject({
        activeFrom: day,
        activeUntil: null,
      });
      expect(await pinsOf(context.database.db, object.id)).toEqual([
        { tariff_id: tariffId, effective_from: day },
      ]);
      const [created] = await historyOf(object.id);
      expect(created!.changes).toContainEqual({ field: 'activeFrom', oldValue: null, newValue: day });
      expect(created!.changes.map((change) => change.field)).not.toContain('activeUntil');
    });

    it('accepts an earlier day (a tracker installed before it was entered); its first tariff is in force from then', async () => {
      const object = await createObject(dealerSession, contractId, {
        activeFrom: monthAgo,
        activeUntil: addDays(day, 100),
      });
      const body = await getObjectBody(dealerSession, object.id);
      expect(body).toMatchObject({
        activeFrom: monthAgo,
        activeUntil: addDays(day, 100),
        tariffId,
        tariffPinnedAt: day,
      });
      expect(await pinsOf(context.database.db, object.id)).toEqual([
        { tariff_id: tariffId, effective_from: monthAgo },
      ]);
      const stored = await context.database.db
        .selectFrom('objects')
        .where('id', '=', object.id)
        .select(['active_from', 'active_until', 'tariff_pinned_at'])
        .executeTakeFirstOrThrow();
      expect(stored).toEqual({
        active_from: monthAgo,
        active_until: addDays(day, 100),
        tariff_pinned_at: day,
      });
    });

    it('accepts exactly 10 years back; refuses a day before, a day in the future, an impossible day', async () => {
      const tenYears = yearsBefore(day, 10);
      expect(
        (await getObjectBody(root, (await createObject(root, contractId, { activeFrom: tenYears })).id))
          .activeFrom,
      ).toBe(tenYears);
      const cases: [Record<string, unknown>, string[]][] = [
        [{ activeFrom: addDays(tenYears, -1) }, ['activeFrom:active_from_too_early']],
        [{ activeFrom: addDays(day, 1) }, ['activeFrom:active_from_future']],
        [{ activeFrom: '2025-02-30' }, ['activeFrom:format']],
        [{ activeFrom: '15.06.2025' }, ['activeFrom:format']],
        [{ activeUntil: '2025-13-01' }, ['activeUntil:format']],
        [{ activeFrom: null }, ['activeFrom:type']],
      ];
      for (const [days, expected] of cases) {
        const response = await dealerSession.post('/api/v1/objects', {
          contractId,
          name: 'Bad days',
          deviceId: uniqueImei(),
          ...days,
        });
        expect(response.statusCode, JSON.stringify(days)).toBe(400);
        expect(fieldCodes(response), JSON.stringify(days)).toEqual(expected);
      }
      const early = await dealerSession.post('/api/v1/objects', {
        contractId,
        name: 'Too early',
        deviceId: uniqueImei(),
        activeFrom: addDays(tenYears, -1),
      });
      expect(early.json<ProblemBody>().errors[0]!.message).toBe(
        `Active from cannot be earlier than ${tenYears} (10 years back)`,
      );
    });

    it('refuses Active until before Active from, naming the field in the caller language', async () => {
      const body = {
        contractId,
        name: 'Backwards',
        deviceId: uniqueImei(),
        activeFrom: monthAgo,
        activeUntil: addDays(monthAgo, -1),
      };
      const english = await dealerSession.post('/api/v1/objects', body);
      expect(english.statusCode).toBe(400);
      expect(english.json<ProblemBody>().errors).toEqual([
        {
          field: 'activeUntil',
          code: 'active_until_before_from',
          message: `Active until cannot be earlier than Active from (${monthAgo})`,
        },
      ]);
      const russian = await dealerSession.inLocale('ru').post('/api/v1/objects', body);
      expect(russian.json<ProblemBody>().errors[0]!.message).toBe(
        `Поле «Активен по» не может быть раньше поля «Активен с» (${dotted(monthAgo)})`,
      );
      // The same day is a one-day range.
      const oneDay = await createObject(dealerSession, contractId, {
        activeFrom: monthAgo,
        activeUntil: monthAgo,
      });
      expect((await getObjectBody(dealerSession, oneDay.id)).activeUntil).toBe(monthAgo);
    });

    it('an object created inactive is billed until today unless its last day is given', async () => {
      const inactive = await createObject(dealerSession, contractId, { active: false, activeFrom: monthAgo });
      expect(await getObjectBody(dealerSession, inactive.id)).toMatchObject({
        active: false,
        activeFrom: monthAgo,
        activeUntil: day,
      });
      const ended = await createObject(dealerSession, contractId, {
        active: false,
        activeFrom: monthAgo,
        activeUntil: addDays(monthAgo, 5),
      });
      expect((await getObjectBody(dealerSession, ended.id)).activeUntil).toBe(addDays(monthAgo, 5));
    });
  });

  describe('PATCH /objects/{id}', () => {
    it('deactivating sets Active until to today; activating the same day clears it; both in the history', async () => {
      const object = await createObject(dealerSession, contractId, { activeFrom: monthAgo });
      const off = await patched(object.id, { active: false });
      expect(off).toMatchObject({ active: false, activeFrom: monthAgo, activeUntil: day });
      const on = await patched(object.id, { active: true, activeFrom: monthAgo, activeUntil: day });
      expect(on).toMatchObject({ active: true, activeFrom: monthAgo, activeUntil: null });
      const [activated, deactivated] = await historyOf(object.id);
      expect(deactivated!.changes).toEqual([
        { field: 'active', oldValue: true, newValue: false },
        { field: 'activeUntil', oldValue: null, newValue: day },
      ]);
      expect(activated!.changes).toEqual([
        { field: 'active', oldValue: false, newValue: true },
        { field: 'activeUntil', oldValue: day, newValue: null },
      ]);
      expect([objectLabel('activeFrom', 'en'), objectLabel('activeUntil', 'en')]).toEqual([
        'Active from',
        'Active until',
      ]);
      expect([objectLabel('activeFrom', 'ru'), objectLabel('activeUntil', 'ru')]).toEqual([
        'Активен с',
        'Активен по',
      ]);
    });

    it('deactivating keeps a last day given with it when no later day is charged; activating after a gap bills again from today', async () => {
      const object = await createObject(dealerSession, contractId, { activeFrom: monthAgo });
      const lastDay = addDays(day, -10);
      // No billing run has charged this object: an earlier last day leaves no charge out. Once days
      // after it are charged, it is refused (object-charged-days.test.ts).
      const charges = await context.database.db
        .selectFrom('ledger_transfers')
        .where('object_id', '=', object.id)
        .select('id')
        .execute();
      expect(charges).toEqual([]);
      expect(await patched(object.id, { active: false, activeUntil: lastDay })).toMatchObject({
        active: false,
        activeUntil: lastDay,
      });
      // The ten days between are not billed and must not be by a rerun: the range starts again today.
      expect(await patched(object.id, { active: true })).toMatchObject({
        active: true,
        activeFrom: day,
        activeUntil: null,
      });
      const [activated] = await historyOf(object.id);
      expect(activated!.changes).toEqual([
        { field: 'active', oldValue: false, newValue: true },
        { field: 'activeFrom', oldValue: monthAgo, newValue: day },
        { field: 'activeUntil', oldValue: lastDay, newValue: null },
      ]);
      // Days given with the activation are kept as given.
      await patched(object.id, { active: false, activeUntil: day });
      expect(await patched(object.id, { active: true, activeUntil: addDays(day, 30) })).toMatchObject({
        activeFrom: day,
        activeUntil: addDays(day, 30),
      });
    });

    it('changes the days with the version; refuses Active until before Active from and an inactive object without one', async () => {
      const object = await createObject(dealerSession, contractId);
      const changed = await patched(object.id, { activeFrom: monthAgo, activeUntil: addDays(day, 60) });
      expect(changed).toMatchObject({ activeFrom: monthAgo, activeUntil: addDays(day, 60), version: 2 });
      const stale = await dealerSession.patch(`/api/v1/objects/${object.id}`, {
        version: 1,
        activeUntil: null,
      });
      expect(stale.statusCode).toBe(409);
      const backwards = await patch(object.id, { activeUntil: addDays(monthAgo, -1) });
      expect(backwards.statusCode).toBe(400);
      expect(fieldCodes(backwards)).toEqual(['activeUntil:active_until_before_from']);
      const future = await patch(object.id, { activeFrom: addDays(day, 1) });
      expect(fieldCodes(future)).toEqual(['activeFrom:active_from_future']);
      await patched(object.id, { active: false });
      const cleared = await patch(object.id, { activeUntil: null });
      expect(fieldCodes(cleared)).toEqual(['activeUntil:active_until_required']);
      expect(cleared.json<ProblemBody>().errors[0]!.message).toBe(
        'Active until is required for an object that is not active: its last billed day',
      );
    });

    it('setting Active from back moves the first tariff to that day; later pins stay', async () => {
      const object = await createObject(dealerSession, contractId);
      const nextWeek = addDays(day, 7);
      const other = (await createTariff(root)).id;
      expectStatus(
        await root.post('/api/v1/objects/reprice', { contractId, tariffId: other, effectiveFrom: nextWeek }),
        200,
      );
      await patched(object.id, { activeFrom: monthAgo });
      expect(await pinsOf(context.database.db, object.id)).toEqual([
        { tariff_id: tariffId, effective_from: monthAgo },
        { tariff_id: other, effective_from: nextWeek },
      ]);
      // Moving it later again leaves the pins: a tariff in force earlier harms no billed day.
      await patched(object.id, { activeFrom: addDays(monthAgo, 10) });
      expect((await pinsOf(context.database.db, object.id))[0]).toEqual({
        tariff_id: tariffId,
        effective_from: monthAgo,
      });
    });

    it('an old Active from that is not changed is not judged again', async () => {
      const object = await createObject(dealerSession, contractId);
      const old = '2001-03-04';
      await context.database.db
        .updateTable('objects')
        .set({ active_from: old })
        .where('id', '=', object.id)
        .execute();
      expect(await patched(object.id, { name: 'Renamed old', activeFrom: old })).toMatchObject({
        name: 'Renamed old',
        activeFrom: old,
      });
    });
  });

  describe('archive and restore', () => {
    it('archiving sets Active until to today when empty (history too); restoring leaves it', async () => {
      const object = await createObject(dealerSession, contractId, { activeFrom: monthAgo });
      const archived = expectStatus<ObjectResponseBody>(
        await dealerSession.delete(`/api/v1/objects/${object.id}`),
        200,
      );
      expect(archived).toMatchObject({ activeFrom: monthAgo, activeUntil: day });
      expect((await historyOf(object.id))[0]).toMatchObject({
        action: 'archived',
        changes: [
          { field: 'archived', oldValue: false, newValue: true },
          { field: 'activeUntil', oldValue: null, newValue: day },
        ],
      });
      const restored = expectStatus<ObjectResponseBody>(
        await dealerSession.post(`/api/v1/objects/${object.id}/restore`),
        200,
      );
      expect(restored).toMatchObject({ archivedAt: null, activeUntil: day });
      expect(await patched(object.id, { activeUntil: null })).toMatchObject({ activeUntil: null });
    });

    it('archiving keeps an earlier last day and ends a later one today', async () => {
      const ended = await createObject(dealerSession, contractId, {
        activeFrom: monthAgo,
        activeUntil: addDays(monthAgo, 3),
      });
      const archivedEnded = expectStatus<ObjectResponseBody>(
        await dealerSession.delete(`/api/v1/objects/${ended.id}`),
        200,
      );
      expect(archivedEnded.activeUntil).toBe(addDays(monthAgo, 3));
      expect((await historyOf(ended.id))[0]!.changes).toEqual([
        { field: 'archived', oldValue: false, newValue: true },
      ]);
      const scheduled = await createObject(dealerSession, contractId, { activeUntil: addDays(day, 90) });
      const archivedScheduled = expectStatus<ObjectResponseBody>(
        await dealerSession.delete(`/api/v1/objects/${scheduled.id}`),
        200,
      );
      expect(archivedScheduled.activeUntil).toBe(day);
    });
  });

  describe('GET /objects and export', () => {
    it('lists the days, sorts by them (no end last) and filters the objects billed on a day', async () => {
      const partner = await createPartner(root, { priceTariffId: tariffId });
      const contract = await insertContract(context.database.db, partner.id);
      const old = await createObject(root, contract, {
        activeFrom: addDays(day, -60),
        activeUntil: addDays(day, -20),
      });
      const recent = await createObject(root, contract, { activeFrom: addDays(day, -10) });
      const current = await createObject(root, contract, { activeUntil: addDays(day, 5) });
      const list = async (query: string) =>
        expectStatus<{ items: ObjectResponseBody[]; total: number }>(
          await root.get(`/api/v1/objects?contractId=${contract}&${query}`),
          200,
        );
      expect((await list('sort=id')).items.map((item) => [item.activeFrom, item.activeUntil])).toEqual([
        [addDays(day, -60), addDays(day, -20)],
        [addDays(day, -10), null],
        [day, addDays(day, 5)],
      ]);
      const ids = async (query: string) => (await list(query)).items.map((item) => item.id);
      expect(await ids('sort=activeFrom&order=desc')).toEqual([current.id, recent.id, old.id]);
      expect(await ids('sort=activeUntil')).toEqual([old.id, current.id, recent.id]);
      expect(await ids('sort=activeUntil&order=desc')).toEqual([current.id, old.id, recent.id]);
      expect(await ids(`activeOn=${addDays(day, -30)}`)).toEqual([old.id]);
      expect(await ids(`activeOn=${addDays(day, -20)}`)).toEqual([old.id]);
      expect(await ids(`activeOn=${addDays(day, -5)}`)).toEqual([recent.id]);
      expect(await ids(`activeOn=${day}`)).toEqual([recent.id, current.id]);
      expect(await ids(`activeOn=${addDays(day, 6)}`)).toEqual([recent.id]);
      expect((await list(`activeOn=${addDays(day, -100)}`)).total).toBe(0);
      expect((await root.get(`/api/v1/objects?activeOn=2025-02-30`)).statusCode).toBe(400);

      const csv = await root.get(`/api/v1/objects/export?format=csv&contractId=${contract}&sort=id`);
      const rows = csv.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\n')
        .map((line) => line.split(','));
      expect(rows[0]!.slice(8, 11)).toEqual(['Active', 'Active from', 'Active until']);
      expect(rows.slice(1).map((row) => row.slice(9, 11))).toEqual([
        [addDays(day, -60), addDays(day, -20)],
        [addDays(day, -10), ''],
        [day, addDays(day, 5)],
      ]);
      const russian = await root
        .inLocale('ru')
        .get(`/api/v1/objects/export?format=csv&contractId=${contract}&sort=id`);
      expect(
        russian.body
          .replace(/^\uFEFF/, '')
          .split('\n')
          .slice(0, 2)
          .map((line) => line.split(';').slice(8, 11)),
      ).toEqual([
        ['Активен', 'Активен с', 'Активен по'],
        ['Да', dotted(addDays(day, -60)), dotted(addDays(day, -20))],
      ]);
    });
  });

  describe('POST /objects/import', () => {
    const postFile = (client: TestClient, body: Buffer | string, type: string) =>
      client.request('POST', `/api/v1/objects/import?contractId=${contractId}`, body, {
        'content-type': type,
      });

    it('reads Active from and Active until (YYYY-MM-DD or DD.MM.YYYY); first tariffs from Active from', async () => {
      const [y, m, d] = monthAgo.split('-');
      const devices = [uniqueImei(), uniqueImei(), uniqueImei(), uniqueImei(), uniqueImei(), uniqueImei()];
      const csv = [
        'Name,Device ID,Active,Active from,Active until',
        `Set back,${devices[0]},,${monthAgo},`,
        `Dotted,${devices[1]},yes,${d}.${m}.${y},${addDays(day, 10)}`,
        `Defaults,${devices[2]},,,`,
        `Inactive,${devices[3]},no,${monthAgo},`,
        `Backwards,${devices[4]},,${monthAgo},${addDays(monthAgo, -1)}`,
        `Unreadable,${devices[5]},,yesterday,31.02.2025`,
        `Future,${uniqueImei()},,${addDays(day, 1)},`,
      ].join('\n');
      const report = expectStatus<ImportBody>(await postFile(dealerSession, csv, 'text/csv'), 200);
      expect(report).toMatchObject({ total: 7, created: 4 });
      expect(
        report.refused.map((entry) => [
          entry.row,
          entry.errors.map((error) => `${error.field}:${error.code}`),
        ]),
      ).toEqual([
        [6, ['activeUntil:active_until_before_from']],
        [7, ['activeFrom:import_date', 'activeUntil:import_date']],
        [8, ['activeFrom:active_from_future']],
      ]);
      expect(report.refused[1]!.errors[0]!.message).toBe(
        'Active from must be a date: YYYY-MM-DD or DD.MM.YYYY',
      );
      const objects = await Promise.all(report.createdIds.map((id) => getObjectBody(dealerSession, id)));
      expect(
        objects.map((object) => [object.name, object.active, object.activeFrom, object.activeUntil]),
      ).toEqual([
        ['Set back', true, monthAgo, null],
        ['Dotted', true, monthAgo, addDays(day, 10)],
        ['Defaults', true, day, null],
        ['Inactive', false, monthAgo, day],
      ]);
      const db = context.database.db;
      expect(await pinsOf(db, objects[0]!.id)).toEqual([{ tariff_id: tariffId, effective_from: monthAgo }]);
      expect(await pinsOf(db, objects[2]!.id)).toEqual([{ tariff_id: tariffId, effective_from: day }]);
      expect(objects[0]!.tariffPinnedAt).toBe(day);
      // The history of an imported object is the one a single create writes.
      expect((await historyOf(objects[1]!.id))[0]!.changes).toEqual(
        expect.arrayContaining([
          { field: 'active', oldValue: null, newValue: true },
          { field: 'activeFrom', oldValue: null, newValue: monthAgo },
          { field: 'activeUntil', oldValue: null, newValue: addDays(day, 10) },
        ]),
      );
      const single = await createObject(dealerSession, contractId, {
        activeFrom: monthAgo,
        activeUntil: addDays(day, 10),
      });
      const fieldsOf = async (id: number) => (await historyOf(id))[0]!.changes.map((change) => change.field);
      expect(await fieldsOf(objects[1]!.id)).toEqual(await fieldsOf(single.id));
    });

    it('reads date cells of an xlsx and Russian headers; an export imports again', async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Objects');
      sheet.addRow(['Наименование', 'ID устройства', 'Активен', 'Активен с', 'Активен по']);
      sheet.addRow(['Ячейка-дата', uniqueImei(), 'да', new Date(`${monthAgo}T00:00:00Z`), '']);
      sheet.addRow(['Текст', uniqueImei(), 'нет', monthAgo, addDays(monthAgo, 2)]);
      const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      const report = expectStatus<ImportBody>(
        await postFile(dealerSession, Buffer.from(await workbook.xlsx.writeBuffer()), xlsx),
        200,
      );
      expect(report).toMatchObject({ created: 2, refused: [] });
      const objects = await Promise.all(report.createdIds.map((id) => getObjectBody(dealerSession, id)));
      expect(objects.map((object) => [object.activeFrom, object.activeUntil])).toEqual([
        [monthAgo, null],
        [monthAgo, addDays(monthAgo, 2)],
      ]);

      // Export those two, archive them (freeing the device IDs), import the file again.
      const exported = await dealerSession.get(
        `/api/v1/objects/export?format=xlsx&contractId=${contractId}&search=${encodeURIComponent('е')}`,
      );
      for (const object of objects) await dealerSession.delete(`/api/v1/objects/${object.id}`);
      const again = expectStatus<ImportBody>(await postFile(dealerSession, exported.rawPayload, xlsx), 200);
      const reimported = await Promise.all(again.createdIds.map((id) => getObjectBody(dealerSession, id)));
      expect(reimported.map((object) => [object.name, object.activeFrom, object.activeUntil])).toEqual([
        ['Ячейка-дата', monthAgo, null],
        ['Текст', monthAgo, addDays(monthAgo, 2)],
      ]);
    });
  });
});
