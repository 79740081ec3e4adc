import type { Db } from '../../db/connect.js';
import { invalid, notFound } from '../../lib/errors.js';
import type { Locale } from '../../lib/messages.js';
import { pageOf } from '../../lib/paging.js';
import { generatePassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../lib/password-policy.js';
import { EXPORT_ROWS, exportColumn, writeExport, type ExportColumn } from '../../lib/export-columns.js';
import { timeCell, type SpreadsheetFormat } from '../../lib/spreadsheet.js';
import { emptyToNull } from '../../lib/text.js';
import { findContractInScope } from '../scope/scope.public.js';
import { scopeOf, type Actor } from '../auth/auth.public.js';
import { presentUser } from './users.presenter.js';
import {
  countLoginAttempts,
  countPortalUsers,
  findLoginAttempts,
  listPortalUsers,
} from './users.repository.js';
import type { LoginHistoryQuery, UserQuery } from './users.schemas.js';
import { loadUser } from './users.service.js';

export async function findUsers(options: { db: Db; actor: Actor; query: UserQuery }) {
  const { db, actor, query } = options;
  const filters = {
    scope: scopeOf(actor),
    search: emptyToNull(query.search) ?? undefined,
    contractId: query.contractId,
    partnerId: query.partnerId,
    type: query.type,
    blocked: query.blocked,
    showDeleted: query.showDeleted,
  };
  const page = pageOf(query);
  const [rows, total] = await Promise.all([
    listPortalUsers(db, {
      filters,
      sort: query.sort ?? 'id',
      order: query.order ?? 'asc',
      ...page,
    }),
    countPortalUsers(db, filters),
  ]);
  return { items: rows.map(presentUser), total };
}

/** A page of the user's portal login attempts, newest first. */
export async function userLoginHistory(options: {
  db: Db;
  actor: Actor;
  id: number;
  query: Omit<LoginHistoryQuery, 'format'>;
}) {
  const { db, actor, id, query } = options;
  await loadUser(db, actor, id);
  const page = pageOf(query);
  const [rows, total] = await Promise.all([findLoginAttempts(db, id, page), countLoginAttempts(db, id)]);
  return {
    items: rows.map((row) => ({
      at: row.attempted_at.toISOString(),
      ip: row.ip,
      result: row.result,
      master: row.master_login === null ? null : { login: row.master_login },
    })),
    total,
  };
}

type LoginAttempt = Awaited<ReturnType<typeof findLoginAttempts>>[number];

/** The results of a portal login as the Login history tab names them. */
const loginResultNames: Record<Locale, Record<string, string>> = {
  en: {
    success: 'Success',
    invalid_credentials: 'Wrong login or password',
    user_blocked: 'Refused: the user is blocked',
    contract_inactive: 'Refused: the contract is not active',
    contract_blocked: 'Refused: the contract is blocked',
    partner_users_blocked: "Refused: the partner's users are blocked",
    rate_limited: 'Refused: too many attempts',
  },
  ru: {
    success: 'Успешно',
    invalid_credentials: 'Неверный логин или пароль',
    user_blocked: 'Отказ: пользователь заблокирован',
    contract_inactive: 'Отказ: договор не активен',
    contract_blocked: 'Отказ: договор заблокирован',
    partner_users_blocked: 'Отказ: пользователи партнёра заблокированы',
    rate_limited: 'Отказ: слишком много попыток',
  },
};

const historyColumns: readonly ExportColumn<LoginAttempt>[] = [
  exportColumn('Time (UTC)', 'Время (UTC)', (row) => timeCell(row.attempted_at)),
  exportColumn('IP address', 'IP-адрес', (row) => row.ip),
  exportColumn('Result', 'Результат', (row, locale) => loginResultNames[locale][row.result] ?? row.result),
  exportColumn('Logged in by (Log in as)', 'Вошёл от имени пользователя', (row) => row.master_login),
];

/** The whole login history of a user as a csv or xlsx file, its results in words as the tab shows them. */
export async function exportUserLoginHistory(options: {
  db: Db;
  actor: Actor;
  id: number;
  format: SpreadsheetFormat;
  locale: Locale;
}) {
  const { db, actor, id } = options;
  await loadUser(db, actor, id);
  return writeExport({
    sheetName: { en: 'Login history', ru: 'История входов' },
    columns: historyColumns,
    items: await findLoginAttempts(db, id, EXPORT_ROWS),
    locale: options.locale,
    format: options.format,
  });
}

/** The policy in force for a contract's users, so the form can show it before anything is sent. */
export async function passwordPolicyFor(options: { db: Db; actor: Actor; contractId: number }) {
  const contract = await findContractInScope(options.db, options.contractId, scopeOf(options.actor));
  if (!contract) throw notFound();
  return {
    policy: contract.password_policy,
    minLength: PASSWORD_MIN_LENGTH[contract.password_policy],
    maxLength: PASSWORD_MAX_LENGTH,
    showUserPassword: contract.show_user_password,
  };
}

/** A suggestion for the form's generator: a password the contract's policy accepts for this owner. */
export async function suggestPassword(options: {
  db: Db;
  actor: Actor;
  input: { contractId: number; login?: string; name?: string | null };
}) {
  const { contractId, login, name } = options.input;
  const contract = await findContractInScope(options.db, contractId, scopeOf(options.actor));
  // A contract named in the body is a field of the request: missing or foreign, the field is wrong (400).
  if (!contract) throw invalid([{ field: 'contractId', code: 'contract_not_found' }]);
  return { password: generatePassword(contract.password_policy, { login, name }) };
}
