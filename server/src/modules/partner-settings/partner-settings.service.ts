import type { Db } from '../../db/connect.js';
import type { AuditChange } from '../../db/schema.js';
import { conflict, FieldErrors, invalid, notFound, staleVersion } from '../../lib/errors.js';
import { isSealed, sealSecret } from '../../lib/secret-box.js';
import { scopeOf, type Actor } from '../auth/auth.public.js';
import { findPartnerInScope } from '../scope/scope.public.js';
import { recordAuditEvent } from '../audit/audit.public.js';
import {
  deleteSetting,
  findSettingsOfKeys,
  insertSetting,
  listSettings,
  lockSettings,
  rewriteSettingValue,
  updateSetting,
  type SettingRow,
} from './partner-settings.repository.js';
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  type SettingPut,
  type SettingsImport,
} from './partner-settings.schemas.js';
import {
  exportSettingValue,
  findSettingDefinition,
  normaliseSettingValue,
  presentSettingValue,
  sealClearSecrets,
  settingAuditChanges,
  settingCatalogue,
  type SettingDefinition,
  type StoredSettingValue,
} from './setting-catalogue.js';
import { inTransaction } from '../../db/transactions.js';

/*
 * A partner's Configuration. Whoever may see a partner may read and change its settings: super
 * administrators, and a partner administrator for its own partner and its subtree. A partner outside
 * the caller's subtree is 404 on every endpoint, before anything else is looked at.
 * Every change lands in the partner's History (audit entity 'partner') with secrets masked.
 */

interface Call {
  db: Db;
  actor: Actor;
  partnerId: number;
}
interface ChangeCall extends Call {
  requestId: string;
}
/** A change that may store secrets: sealed at rest with this key (FLEETDESK_SECRET_KEY). */
interface SealingCall extends ChangeCall {
  secretKey: Buffer;
}

const sealerOf = (key: Buffer) => (secret: string) => sealSecret(secret, key);

/** 404 outside the caller's subtree; a change to an archived partner waits until it is restored. */
async function requirePartner({ db, actor, partnerId }: Call, purpose: 'read' | 'change' = 'read') {
  const partner = await findPartnerInScope(db, partnerId, scopeOf(actor));
  if (!partner) throw notFound();
  if (purpose === 'change' && partner.archived_at !== null) throw conflict('archived');
}

function presentItem(definition: SettingDefinition, row: SettingRow) {
  return {
    key: row.key,
    ...presentSettingValue(definition, row.value),
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
  };
}
export type SettingItem = ReturnType<typeof presentItem>;

/** Stored rows with their catalogue entries, in catalogue order; keys no longer in it are left out. */
function withDefinitions(rows: SettingRow[]) {
  return settingCatalogue.flatMap((definition) => {
    const row = rows.find((candidate) => candidate.key === definition.key);
    return row ? [{ definition, row }] : [];
  });
}

async function presentList(db: Db, partnerId: number) {
  const rows = await listSettings(db, partnerId);
  return { items: withDefinitions(rows).map(({ definition, row }) => presentItem(definition, row)) };
}

export async function listPartnerSettings(call: Call) {
  await requirePartner(call);
  return presentList(call.db, call.partnerId);
}

/**
 * Adds or changes one setting. Optimistic concurrency: without `version` the setting must not exist
 * yet; with it, it must still be at that version. Otherwise 409 version_conflict.
 */
export async function putPartnerSetting(call: SealingCall & { key: string; input: SettingPut }) {
  const { db, actor, partnerId, key, input } = call;
  await requirePartner(call, 'change');
  const definition = findSettingDefinition(key);
  if (!definition) throw invalid([{ field: 'key', code: 'setting_unknown', params: { key } }]);

  return inTransaction(db, async (trx) => {
    const [current] = await lockSettings(trx, partnerId, [key]);
    const errors = new FieldErrors();
    const value = normaliseSettingValue(
      definition,
      input.value,
      current?.value,
      errors,
      'value',
      sealerOf(call.secretKey),
    );
    errors.throwIfAny();
    const stale = input.version === undefined ? current !== undefined : current?.version !== input.version;
    if (stale) throw staleVersion();

    const changes = settingAuditChanges(definition, current?.value, value);
    if (current && changes.length === 0) return { created: false, item: presentItem(definition, current) };
    const row = current
      ? await updateSetting(trx, partnerId, key, value!, current.version)
      : await insertSetting(trx, partnerId, key, value!);
    if (!row) throw staleVersion();
    await recordAuditEvent(trx, {
      entityType: 'partner',
      entityId: partnerId,
      action: 'setting_changed',
      changes,
      actor,
      requestId: call.requestId,
    });
    return { created: !current, item: presentItem(definition, row) };
  });
}

export async function deletePartnerSetting(call: ChangeCall & { key: string; version?: number }) {
  const { db, actor, partnerId, key } = call;
  await requirePartner(call, 'change');
  const definition = findSettingDefinition(key);
  if (!definition) throw notFound();
  await inTransaction(db, async (trx) => {
    const [current] = await lockSettings(trx, partnerId, [key]);
    if (!current) throw notFound();
    if (call.version !== undefined && current.version !== call.version) throw staleVersion();
    await deleteSetting(trx, partnerId, key, current.version);
    await recordAuditEvent(trx, {
      entityType: 'partner',
      entityId: partnerId,
      action: 'setting_deleted',
      changes: settingAuditChanges(definition, current.value, undefined),
      actor,
      requestId: call.requestId,
    });
  });
}

/** The export file: every setting of the partner, secrets left out. */
export async function exportPartnerSettings(call: Call) {
  await requirePartner(call);
  const rows = await listSettings(call.db, call.partnerId);
  const settings: Record<string, unknown> = {};
  for (const { definition, row } of withDefinitions(rows)) {
    settings[definition.key] = exportSettingValue(definition, row.value);
  }
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    partnerId: call.partnerId,
    exportedAt: new Date().toISOString(),
    settings,
  } as const;
}

/**
 * Imports settings (an export file, possibly of another partner): every key and value is checked
 * first, then all are written in one transaction, or none. Keys the file does not name are left as
 * they are (a merge, not a replacement); secrets the file leaves out keep their stored values.
 */
export async function importPartnerSettings(call: SealingCall & { input: SettingsImport }) {
  const { db, actor, partnerId, input } = call;
  await requirePartner(call, 'change');
  const entries = Object.entries(input.settings);
  const known = entries.flatMap(([key, raw]) => {
    const definition = findSettingDefinition(key);
    return definition ? [{ definition, raw }] : [];
  });

  await inTransaction(db, async (trx) => {
    const rows = await lockSettings(
      trx,
      partnerId,
      known.map(({ definition }) => definition.key),
    );
    const errors = new FieldErrors();
    const planned: { definition: SettingDefinition; current?: SettingRow; value: StoredSettingValue }[] = [];
    for (const [key, raw] of entries) {
      const definition = findSettingDefinition(key);
      if (!definition) {
        errors.add(`settings.${key}`, 'setting_unknown', { key });
        continue;
      }
      const current = rows.find((row) => row.key === key);
      const value = normaliseSettingValue(
        definition,
        raw,
        current?.value,
        errors,
        `settings.${key}`,
        sealerOf(call.secretKey),
      );
      if (value !== undefined) planned.push({ definition, current, value });
    }
    errors.throwIfAny();

    const changes: AuditChange[] = [];
    for (const { definition, current, value } of planned) {
      const changed = settingAuditChanges(definition, current?.value, value);
      if (current && changed.length === 0) continue;
      const row = current
        ? await updateSetting(trx, partnerId, definition.key, value, current.version)
        : await insertSetting(trx, partnerId, definition.key, value);
      if (!row) throw staleVersion();
      changes.push(...changed);
    }
    if (changes.length > 0) {
      await recordAuditEvent(trx, {
        entityType: 'partner',
        entityId: partnerId,
        action: 'settings_imported',
        changes,
        actor,
        requestId: call.requestId,
      });
    }
  });
  return presentList(db, partnerId);
}

/**
 * Seals the secrets that rows written before secrets were sealed still hold in clear; run at start,
 * it finds nothing to do once done. Returns how many settings it sealed.
 */
export async function sealStoredSecrets(db: Db, secretKey: Buffer): Promise<number> {
  const withSecrets = settingCatalogue.filter((definition) =>
    definition.fields.some((field) => field.secret),
  );
  const rows = await findSettingsOfKeys(
    db,
    withSecrets.map((definition) => definition.key),
  );
  let sealed = 0;
  for (const row of rows) {
    const definition = withSecrets.find((candidate) => candidate.key === row.key)!;
    const value = sealClearSecrets(
      definition,
      row.value as StoredSettingValue,
      sealerOf(secretKey),
      isSealed,
    );
    if (value === null) continue;
    await rewriteSettingValue(db, Number(row.partner_id), row.key, value);
    sealed += 1;
  }
  return sealed;
}
