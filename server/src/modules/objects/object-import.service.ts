import { today } from '../../lib/clock.js';
import { cooperativePause } from '../../lib/cooperative.js';
import { invalid, type FieldError } from '../../lib/errors.js';
import type { Translator } from '../../lib/messages.js';
import { scopeOf } from '../auth/auth.public.js';
import { contractProblem, deviceTakenError, phoneCountryOf, pinnedTariffOf } from './object-checks.js';
import { deviceKey, normaliseObjectDraft, type ObjectDraft } from './object-draft.js';
import { activeDaysOfNew } from './object-active-days.js';
import {
  parseActive,
  parseContractId,
  parseDay,
  readImportFile,
  type ImportFormat,
  type ImportRecord,
} from './object-import.js';
import { columnsOf } from './objects.presenter.js';
import {
  findContractsForObjects,
  findLiveDeviceHolders,
  insertObjectsFromColumns,
  recordCreatedObjects,
  type ContractForObjects,
} from './objects.repository.js';
import type { Call } from './objects.service.js';
import { inTransaction } from '../../db/transactions.js';

/* Rows per statement: columns travel as arrays, so a batch is bounded by memory, not parameters. */
const BATCH_SIZE = 5000;

interface AcceptedRow {
  row: number;
  draft: ObjectDraft;
  contract: ContractForObjects;
  tariffId: number;
}

/** Judges one record like the form would, with what is known without the database. */
function judgeRecord(
  record: ImportRecord,
  contractOf: (id: number | null) => ContractForObjects | undefined,
  defaultContractId: number | null,
  day: string,
): { accepted: Omit<AcceptedRow, 'row'> } | { errors: FieldError[] } {
  const { values } = record;
  const problems: FieldError[] = [];
  const active = parseActive(values.active);
  if (active === undefined) problems.push({ field: 'active', code: 'import_boolean' });
  const activeFrom = parseDay(values.activeFrom);
  if (activeFrom === undefined) problems.push({ field: 'activeFrom', code: 'import_date' });
  const activeUntil = parseDay(values.activeUntil);
  if (activeUntil === undefined) problems.push({ field: 'activeUntil', code: 'import_date' });
  const contractId = parseContractId(values.contractId);
  let contract: ContractForObjects | undefined;
  if (contractId === undefined) problems.push({ field: 'contractId', code: 'contract_not_found' });
  else if (contractId === null && defaultContractId === null)
    problems.push({ field: 'contractId', code: 'required' });
  else contract = contractOf(contractId ?? defaultContractId);

  const { draft, errors } = normaliseObjectDraft(
    {
      name: values.name ?? '',
      deviceId: values.deviceId ?? '',
      deviceType: values.deviceType ?? null,
      simPhone: values.simPhone ?? null,
      sim2Phone: values.sim2Phone ?? null,
      iccid: values.iccid ?? null,
      simProvider: values.simProvider ?? null,
      plateNumber: values.plateNumber ?? null,
      // An empty or unreadable cell is the form's default (the unreadable one is refused above).
      ...activeDaysOfNew(
        {
          active: active ?? true,
          activeFrom: activeFrom ?? undefined,
          activeUntil: activeUntil ?? undefined,
        },
        day,
      ),
    },
    phoneCountryOf(contract),
    { today: day },
  );
  // An unreadable date is told as such, not again as a rule its stand-in (today) breaks.
  const unreadableDay = activeFrom === undefined || activeUntil === undefined;
  problems.push(
    ...errors.filter(
      (error) => !(unreadableDay && (error.field === 'activeFrom' || error.field === 'activeUntil')),
    ),
  );
  let tariffId: number | null = null;
  if (contractId !== undefined && !(contractId === null && defaultContractId === null)) {
    const problem = contractProblem(contract);
    if (problem) problems.push(problem);
    else {
      const pinned = pinnedTariffOf(contract!);
      if ('tariffId' in pinned) tariffId = pinned.tariffId;
      else problems.push(pinned);
    }
  }
  return problems.length > 0
    ? { errors: problems }
    : { accepted: { draft, contract: contract!, tariffId: tariffId! } };
}

/**
 * Creates objects from a csv or xlsx file. Every row is judged in memory, device IDs and contracts
 * are checked with one query each, and the good rows are inserted in batches in one transaction; a
 * refused row creates nothing, and the report says which rows were refused and why.
 */
export async function importObjects(
  options: Call & { body: Buffer; format: ImportFormat; contractId: number | null; translator: Translator },
) {
  const { db, actor, translator } = options;
  const scope = scopeOf(actor);
  const day = today();
  const records = await readImportFile(options.body, options.format);

  const contractIds = new Set<number>();
  if (options.contractId !== null) contractIds.add(options.contractId);
  for (const record of records) {
    const id = parseContractId(record.values.contractId);
    if (typeof id === 'number') contractIds.add(id);
  }
  const contracts = new Map(
    (await findContractsForObjects(db, [...contractIds], scope)).map((contract) => [contract.id, contract]),
  );
  if (options.contractId !== null) {
    const problem = contractProblem(contracts.get(options.contractId));
    if (problem) throw invalid([problem]);
  }

  const refused: { row: number; errors: FieldError[] }[] = [];
  const candidates: AcceptedRow[] = [];
  const firstRowOfDevice = new Map<string, number>();
  const pause = cooperativePause();
  for (const record of records) {
    await pause();
    const verdict = judgeRecord(
      record,
      (id) => (id === null ? undefined : contracts.get(id)),
      options.contractId,
      day,
    );
    if ('errors' in verdict) {
      refused.push({ row: record.row, errors: verdict.errors });
      continue;
    }
    const key = deviceKey(verdict.accepted.draft.deviceId);
    const firstRow = firstRowOfDevice.get(key);
    if (firstRow !== undefined) {
      refused.push({
        row: record.row,
        errors: [{ field: 'deviceId', code: 'import_device_duplicate', params: { row: firstRow } }],
      });
      continue;
    }
    firstRowOfDevice.set(key, record.row);
    candidates.push({ row: record.row, ...verdict.accepted });
  }

  const holders = new Map(
    (await findLiveDeviceHolders(db, [...firstRowOfDevice.keys()])).map((holder) => [
      holder.device_key,
      holder,
    ]),
  );
  const accepted: AcceptedRow[] = [];
  for (const candidate of candidates) {
    await pause();
    const holder = holders.get(deviceKey(candidate.draft.deviceId));
    if (holder) refused.push({ row: candidate.row, errors: [deviceTakenError(holder, scope)] });
    else accepted.push(candidate);
  }

  const createdIds = await insertAccepted(options, accepted, day);
  refused.sort((a, b) => a.row - b.row);
  const report: { row: number; errors: { field: string; code: string; message: string }[] }[] = [];
  for (const { row, errors } of refused) {
    await pause();
    report.push({
      row,
      errors: errors.map((error) => ({
        field: error.field,
        code: error.code,
        message: translator.message(error.code, error.params, error.field),
      })),
    });
  }
  return { total: records.length, created: createdIds.length, createdIds, refused: report };
}

/** Inserts the accepted rows, their tariff pins and their history in batches, all in one transaction. */
async function insertAccepted(call: Call, accepted: AcceptedRow[], pinnedAt: string): Promise<number[]> {
  if (accepted.length === 0) return [];
  // Another request may take a device ID between the check and the insert: the unique index then
  // refuses the whole transaction (nothing is created) and the error handler answers device_id_taken.
  return inTransaction(call.db, async (trx) => {
    const ids: number[] = [];
    for (let start = 0; start < accepted.length; start += BATCH_SIZE) {
      const batch = accepted.slice(start, start + BATCH_SIZE);
      const inserted = await insertObjectsFromColumns(
        trx,
        batch.map(({ draft, contract, tariffId }) => ({
          ...columnsOf(draft),
          partner_id: contract.partner_id,
          contract_id: contract.id,
          tariff_id: tariffId,
          tariff_pinned_at: pinnedAt,
        })),
      );
      // RETURNING's order is not promised; device IDs are unique in the batch, so they pair the rows.
      const idOfDevice = new Map(inserted.map((row) => [deviceKey(row.device_id), row.id]));
      const batchIds = batch.map(({ draft }) => idOfDevice.get(deviceKey(draft.deviceId))!);
      await recordCreatedObjects(trx, batchIds, call.actor, call.requestId);
      ids.push(...batchIds);
    }
    return ids;
  });
}
