import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectStatus, fieldCodes, type TestClient } from '../../../test/client.js';
import {
  createDealer,
  createObject,
  createPartner,
  signInAsPartner,
  uniqueImei,
  type CreatedPartner,
  type HistoryResponseBody,
  type ObjectResponseBody,
} from '../../../test/builders.js';
import { useTestAppAsRoot } from '../../../test/test-suite.js';
import { today } from '../../lib/clock.js';
import { luhnCheckDigit } from '../../lib/luhn.js';
import { getObjectBody, vehiclesCount } from '../../../test/object-helpers.js';
import { insertContract } from '../../../test/table-rows.js';

const validIccid = (body = '897010100123456789') => `${body}${luhnCheckDigit(body)}`;

describe('objects API', () => {
  const { context, root } = useTestAppAsRoot();
  let tariffId: number;
  let dealer: CreatedPartner;
  let dealerSession: TestClient;
  let contractId: number;
  let foreign: CreatedPartner;
  let foreignSession: TestClient;
  let foreignContractId: number;

  beforeAll(async () => {
    ({ tariffId, dealer, dealerSession } = await createDealer(root, { region: 'RU-MOW' }));
    contractId = await insertContract(context.database.db, dealer.id);
    ({ dealer: foreign, dealerSession: foreignSession } = await createDealer(root, {
      priceTariffId: tariffId,
    }));
    foreignContractId = await insertContract(context.database.db, foreign.id);
  });

  describe('POST /objects', () => {
    it('creates an object with every field normalised, pinned to the tariff from today', async () => {
      const imei = uniqueImei();
      const iccid = validIccid();
      const body = expectStatus<ObjectResponseBody>(
        await dealerSession.post('/api/v1/objects', {
          contractId,
          name: '  Truck 7 ',
          deviceId: `${imei.slice(0, 2)} ${imei.slice(2)}`,
          deviceType: 'Teltonika FMB920',
          simPhone: '8 (916) 123-45-67',
          sim2Phone: '+77011234567',
          iccid: `${iccid.slice(0, 4)} ${iccid.slice(4)}`,
          simProvider: 'MTS',
          plateNumber: 'a123bc77',
        }),
        201,
      );
      expect(body).toMatchObject({
        partnerId: dealer.id,
        partner: { id: dealer.id, name: dealer.name },
        contractId,
        name: 'Truck 7',
        deviceId: imei,
        deviceType: 'Teltonika FMB920',
        simPhone: '+79161234567',
        sim2Phone: '+77011234567',
        iccid,
        simProvider: 'MTS',
        plateNumber: 'A123BC77',
        active: true,
        tariffId,
        tariffPinnedAt: today(),
        version: 1,
        archivedAt: null,
      });
      const pins = await context.database.db
        .selectFrom('object_tariffs')
        .where('object_id', '=', body.id)
        .select(['tariff_id', 'effective_from'])
        .execute();
      expect(pins).toEqual([{ tariff_id: tariffId, effective_from: today() }]);
      const history = expectStatus<HistoryResponseBody>(
        await dealerSession.get(`/api/v1/objects/${body.id}/history`),
        200,
      );
      expect(history.items.map((item) => item.action)).toEqual(['created']);
      expect(history.items[0]!.changes).toContainEqual({ field: 'deviceId', oldValue: null, newValue: imei });
      expect(history.items[0]!.changes).toContainEqual({
        field: 'tariffId',
        oldValue: null,
        newValue: tariffId,
      });
    });

    it('requires name, device ID and contract', async () => {
      const missing = await dealerSession.post('/api/v1/objects', {});
      expect(missing.statusCode).toBe(400);
      expect(fieldCodes(missing).sort()).toEqual([
        'contractId:required',
        'deviceId:required',
        'name:required',
      ]);
      const blank = await dealerSession.post('/api/v1/objects', { contractId, name: ' ', deviceId: '  ' });
      expect(fieldCodes(blank)).toEqual(['name:required', 'deviceId:required']);
    });

    it('checks an IMEI by its Luhn digit, ICCID by length and Luhn, SIM phones to E.164', async () => {
      const imei = uniqueImei();
      const wrongImei = `${imei.slice(0, 14)}${(Number(imei[14]) + 1) % 10}`;
      const iccid = validIccid();
      const wrongIccid = `${iccid.slice(0, -1)}${(Number(iccid.slice(-1)) + 3) % 10}`;
      const response = await dealerSession.post('/api/v1/objects', {
        contractId,
        name: 'Bad',
        deviceId: wrongImei,
        iccid: wrongIccid,
        simPhone: '12',
        sim2Phone: 'call me',
      });
      expect(response.statusCode).toBe(400);
      expect(fieldCodes(response)).toEqual([
        'deviceId:imei_checksum',
        'simPhone:phone_invalid',
        'sim2Phone:phone_invalid',
        'iccid:iccid_checksum',
      ]);
      const shortIccid = await dealerSession.post('/api/v1/objects', {
        contractId,
        name: 'Bad',
        deviceId: 'has space?',
        iccid: '123456789012345678',
      });
      expect(fieldCodes(shortIccid)).toEqual(['deviceId:device_id_format', 'iccid:iccid_format']);
      // Not 15 digits: not an IMEI, no check digit to pass.
      await createObject(dealerSession, contractId, { deviceId: '1234567890123456' });
      await createObject(dealerSession, contractId, { deviceId: 'SN-ABC:01/7' });
    });

    it('says which rule failed in the caller language', async () => {
      const response = await dealerSession.inLocale('ru').post('/api/v1/objects', {
        contractId,
        name: 'Bad',
        deviceId: '490154203237517',
      });
      expect(response.json<{ errors: { message: string }[] }>().errors[0]!.message).toBe(
        'Поле «ID устройства или IMEI»: контрольная цифра IMEI из 15 цифр не совпадает; проверьте номер',
      );
    });

    it('refuses a foreign, missing or archived contract without telling them apart from outside', async () => {
      const base = { name: 'X', deviceId: uniqueImei() };
      const foreignResponse = await dealerSession.post('/api/v1/objects', {
        ...base,
        contractId: foreignContractId,
      });
      const missingResponse = await dealerSession.post('/api/v1/objects', { ...base, contractId: 999999 });
      expect(foreignResponse.statusCode).toBe(400);
      expect(fieldCodes(foreignResponse)).toEqual(['contractId:contract_not_found']);
      expect(foreignResponse.json<{ errors: unknown }>().errors).toEqual(
        missingResponse.json<{ errors: unknown }>().errors,
      );
      const archived = await insertContract(context.database.db, dealer.id, { archived: true });
      const archivedResponse = await dealerSession.post('/api/v1/objects', { ...base, contractId: archived });
      expect(fieldCodes(archivedResponse)).toEqual(['contractId:contract_archived']);
    });

    it('keeps a device ID unique among live objects, case-insensitively; names the holder only inside the subtree', async () => {
      const mine = await createObject(dealerSession, contractId, { deviceId: 'ABC-123-own' });
      const own = await dealerSession.post('/api/v1/objects', {
        contractId,
        name: 'Twin',
        deviceId: 'abc-123-OWN',
      });
      expect(own.statusCode).toBe(409);
      const ownBody = own.json<{
        code: string;
        errors: { field: string; code: string; message: string }[];
      }>();
      expect(ownBody.code).toBe('device_id_taken');
      expect(ownBody.errors[0]).toMatchObject({ field: 'deviceId', code: 'device_id_taken_by' });
      expect(ownBody.errors[0]!.message).toContain(`ID ${mine.id}`);

      const theirs = await createObject(foreignSession, foreignContractId, {
        name: 'Secret truck',
        deviceId: 'FOREIGN-777',
      });
      const clash = await dealerSession.post('/api/v1/objects', {
        contractId,
        name: 'Mine',
        deviceId: 'foreign-777',
      });
      expect(clash.statusCode).toBe(409);
      const clashBody = clash.json<{ code: string; title: string; errors: unknown[] }>();
      expect(clashBody.code).toBe('device_id_taken');
      expect(clashBody.errors).toEqual([
        {
          field: 'deviceId',
          code: 'device_id_taken',
          message: 'This device ID or IMEI is already connected to another object',
        },
      ]);
      expect(clash.body).not.toContain('Secret truck');
      expect(clashBody.title).not.toContain(String(theirs.id));
    });

    it('gives a clear error when no tariff applies anywhere', async () => {
      const bare = await createPartner(root);
      const bareContract = await insertContract(context.database.db, bare.id);
      const response = await root.post('/api/v1/objects', {
        contractId: bareContract,
        name: 'T',
        deviceId: uniqueImei(),
      });
      expect(response.statusCode).toBe(400);
      expect(fieldCodes(response)).toEqual(['contractId:no_tariff']);
      expect(response.json<{ errors: { message: string }[] }>().errors[0]!.message).toMatch(
        /^Contract: neither/,
      );
    });
  });

  describe('PATCH /objects/{id}', () => {
    it('changes fields with the version read; a stale version is 409; history names the fields', async () => {
      const object = await createObject(dealerSession, contractId);
      const updated = expectStatus<ObjectResponseBody>(
        await dealerSession.patch(`/api/v1/objects/${object.id}`, {
          version: 1,
          name: 'Renamed',
          active: false,
        }),
        200,
      );
      expect(updated).toMatchObject({ name: 'Renamed', active: false, activeUntil: today(), version: 2 });
      const stale = await dealerSession.patch(`/api/v1/objects/${object.id}`, { version: 1, name: 'Other' });
      expect(stale.statusCode).toBe(409);
      expect(stale.json<{ code: string }>().code).toBe('version_conflict');
      const history = expectStatus<HistoryResponseBody>(
        await dealerSession.get(`/api/v1/objects/${object.id}/history`),
        200,
      );
      expect(history.items[0]).toMatchObject({
        action: 'updated',
        changes: [
          { field: 'name', newValue: 'Renamed' },
          { field: 'active', oldValue: true, newValue: false },
          // Deactivated: billed until today.
          { field: 'activeUntil', oldValue: null, newValue: today() },
        ],
      });
    });

    it('a save without changes changes nothing', async () => {
      const object = await getObjectBody(dealerSession, (await createObject(dealerSession, contractId)).id);
      const same = expectStatus<ObjectResponseBody>(
        await dealerSession.patch(`/api/v1/objects/${object.id}`, {
          version: 1,
          name: object.name,
          deviceId: object.deviceId.toUpperCase(),
        }),
        200,
      );
      expect(same).toEqual(object);
      const history = expectStatus<HistoryResponseBody>(
        await dealerSession.get(`/api/v1/objects/${object.id}/history`),
        200,
      );
      expect(history.items).toHaveLength(1);
    });

    it('refuses a contractId (that is /move) and a device ID held by another object', async () => {
      const object = await createObject(dealerSession, contractId);
      const other = await createObject(dealerSession, contractId);
      const withContract = await dealerSession.patch(`/api/v1/objects/${object.id}`, {
        version: 1,
        contractId,
      });
      expect(withContract.statusCode).toBe(400);
      expect(fieldCodes(withContract)).toEqual(['contractId:unknown_field']);
      const taken = await dealerSession.patch(`/api/v1/objects/${object.id}`, {
        version: 1,
        deviceId: String(other.deviceId),
      });
      expect(taken.statusCode).toBe(409);
    });
  });

  describe('archive and restore', () => {
    it('archives (freeing the device ID), restores only while the device is free; counts live objects', async () => {
      const partner = await createPartner(root, { priceTariffId: tariffId });
      const contract = await insertContract(context.database.db, partner.id);
      const object = await createObject(root, contract);
      expect(await vehiclesCount(root, partner.id)).toBe(1);
      const archived = expectStatus<ObjectResponseBody>(
        await root.delete(`/api/v1/objects/${object.id}`),
        200,
      );
      expect(archived.archivedAt).not.toBeNull();
      expect(await vehiclesCount(root, partner.id)).toBe(0);
      const list = expectStatus<{ total: number }>(
        await root.get(`/api/v1/objects?contractId=${contract}`),
        200,
      );
      expect(list.total).toBe(0);
      const withDeleted = expectStatus<{ total: number }>(
        await root.get(`/api/v1/objects?contractId=${contract}&showDeleted=true`),
        200,
      );
      expect(withDeleted.total).toBe(1);

      const successor = await createObject(root, contract, {
        deviceId: String(object.deviceId).toLowerCase(),
      });
      const blocked = await root.post(`/api/v1/objects/${object.id}/restore`);
      expect(blocked.statusCode).toBe(409);
      expect(blocked.json<{ code: string }>().code).toBe('device_id_taken');
      await root.delete(`/api/v1/objects/${successor.id}`);
      const restored = expectStatus<ObjectResponseBody>(
        await root.post(`/api/v1/objects/${object.id}/restore`),
        200,
      );
      expect(restored.archivedAt).toBeNull();
      expect(await vehiclesCount(root, partner.id)).toBe(1);
      const again = await root.post(`/api/v1/objects/${object.id}/restore`);
      expect(again.statusCode).toBe(409);
      const history = expectStatus<HistoryResponseBody>(
        await root.get(`/api/v1/objects/${object.id}/history`),
        200,
      );
      expect(history.items.map((item) => item.action)).toEqual(['restored', 'archived', 'created']);
    });
  });

  describe('scoping', () => {
    it('answers 404 for an object of another subtree on every route', async () => {
      const theirs = await createObject(foreignSession, foreignContractId);
      const id = theirs.id;
      const responses = [
        await dealerSession.get(`/api/v1/objects/${id}`),
        await dealerSession.patch(`/api/v1/objects/${id}`, { version: 1, name: 'x' }),
        await dealerSession.delete(`/api/v1/objects/${id}`),
        await dealerSession.post(`/api/v1/objects/${id}/restore`),
        await dealerSession.post(`/api/v1/objects/${id}/move`, { contractId }),
        await dealerSession.get(`/api/v1/objects/${id}/history`),
      ];
      expect(responses.map((response) => response.statusCode)).toEqual([404, 404, 404, 404, 404, 404]);
      expect((await getObjectBody(foreignSession, id)).archivedAt).toBeNull();
    });

    it('a parent sees its sub-partner objects; the sub-partner does not see its parent', async () => {
      const child = await createPartner(dealerSession, { priceTariffId: tariffId });
      const childSession = await signInAsPartner(context.app, child);
      const childContract = await insertContract(context.database.db, child.id);
      const childObject = await createObject(childSession, childContract);
      const parentObject = await createObject(dealerSession, contractId);
      expect((await getObjectBody(dealerSession, childObject.id)).partner.id).toBe(child.id);
      expect((await childSession.get(`/api/v1/objects/${parentObject.id}`)).statusCode).toBe(404);
      const listed = expectStatus<{ items: ObjectResponseBody[]; total: number }>(
        await childSession.get('/api/v1/objects?pageSize=500'),
        200,
      );
      expect(listed.items.map((item) => item.id)).toEqual([childObject.id]);
    });
  });

  describe('GET /objects', () => {
    it('searches by name, device ID, plate and SIM phone; filters, sorts and pages', async () => {
      const partner = await createPartner(root, { priceTariffId: tariffId });
      const first = await insertContract(context.database.db, partner.id);
      const second = await insertContract(context.database.db, partner.id);
      const alpha = await createObject(root, first, {
        name: 'Alpha van',
        plateNumber: 'X001XX',
        simPhone: '+79160000001',
      });
      const beta = await createObject(root, first, {
        name: 'Beta truck',
        deviceId: 'BETA-DEVICE-1',
        active: false,
      });
      const gamma = await createObject(root, second, { name: 'Gamma bus' });
      const ids = async (query: string) =>
        expectStatus<{ items: ObjectResponseBody[]; total: number }>(
          await root.get(`/api/v1/objects?partnerId=${partner.id}&${query}`),
          200,
        ).items.map((item) => item.id);
      expect(await ids('search=van')).toEqual([alpha.id]);
      expect(await ids('search=beta-device')).toEqual([beta.id]);
      expect(await ids('search=x001')).toEqual([alpha.id]);
      expect(await ids('search=916 000')).toEqual([alpha.id]);
      expect(await ids(`contractId=${second}`)).toEqual([gamma.id]);
      expect(await ids('active=false')).toEqual([beta.id]);
      expect(await ids(`tariffId=${tariffId}&sort=name&order=desc`)).toEqual([gamma.id, beta.id, alpha.id]);
      const page = expectStatus<{ items: ObjectResponseBody[]; total: number }>(
        await root.get(`/api/v1/objects?partnerId=${partner.id}&sort=name&pageSize=2&page=2`),
        200,
      );
      expect(page).toMatchObject({ total: 3, items: [{ id: gamma.id }] });
      const foreignFilter = expectStatus<{ total: number }>(
        await dealerSession.get(`/api/v1/objects?partnerId=${partner.id}`),
        200,
      );
      expect(foreignFilter.total).toBe(0);
    });

    it('exports csv and xlsx with the import column labels', async () => {
      const object = await createObject(dealerSession, contractId, { name: 'Export me' });
      const csv = await dealerSession.get(`/api/v1/objects/export?format=csv&search=Export`);
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toContain('text/csv');
      const lines = csv.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\n');
      expect(lines[0]).toBe(
        'Name,Device ID,Device type,SIM phone,SIM 2,ICCID,SIM provider,Plate number,Active,Active from,Active until,Contract ID,ID,Contract,Partner,Tariff,Tariff from,Archived',
      );
      expect(lines).toHaveLength(2);
      expect(lines[1]).toContain(`Export me,${String(object.deviceId)}`);
      expect(lines[1]).toContain(`,Yes,${today()},,${contractId},${object.id},`);
      expect(csv.headers['content-disposition']).toBe(`attachment; filename="objects-${today()}.csv"`);
      const xlsx = await dealerSession.get(`/api/v1/objects/export?format=xlsx&search=Export`);
      expect(xlsx.statusCode).toBe(200);
      expect(xlsx.headers['content-disposition']).toBe(`attachment; filename="objects-${today()}.xlsx"`);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const row = workbook.getWorksheet('Objects')!.getRow(2);
      expect(row.getCell(2)).toMatchObject({ type: ExcelJS.ValueType.String, value: object.deviceId });
      expect(row.getCell(9).value).toBe('Yes');
      expect(row.getCell(10)).toMatchObject({
        type: ExcelJS.ValueType.Date,
        value: new Date(`${today()}T00:00:00Z`),
        numFmt: 'yyyy-mm-dd',
      });
      expect(row.getCell(12)).toMatchObject({ type: ExcelJS.ValueType.Number, value: contractId });
      expect(row.getCell(17)).toMatchObject({ type: ExcelJS.ValueType.Date, numFmt: 'yyyy-mm-dd' });
    });
  });
});
