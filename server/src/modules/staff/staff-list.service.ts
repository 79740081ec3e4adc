import type { Locale } from '../../lib/messages.js';
import { pageOf } from '../../lib/paging.js';
import { timeCell, type SpreadsheetFormat } from '../../lib/spreadsheet.js';
import { EXPORT_ROWS, exportColumn, writeExport, type ExportColumn } from '../../lib/export-columns.js';
import { scopeOf, type Actor } from '../auth/auth.public.js';
import type { Db } from '../../db/connect.js';
import { presentStaff } from './staff.presenter.js';
import {
  countAdminLoginAttempts,
  countStaff,
  findAdminLoginAttempts,
  listStaff,
} from './staff.repository.js';
import type { StaffLoginHistoryQuery, StaffQuery } from './staff.schemas.js';
import { loadStaff } from './staff.service.js';

/** A page of the admin-panel users of the caller's scope: search, filters, sort. */
export async function findStaff(options: { db: Db; actor: Actor; query: StaffQuery }) {
  const { db, actor, query } = options;
  const filters = {
    scope: scopeOf(actor),
    search: query.search?.trim() || undefined,
    partnerId: query.partnerId,
    role: query.role,
    showDeleted: query.showDeleted ?? false,
  };
  const [rows, total] = await Promise.all([
    listStaff(db, filters, { sort: query.sort ?? 'login', order: query.order ?? 'asc', ...pageOf(query) }),
    countStaff(db, filters),
  ]);
  return { items: rows.map(presentStaff), total };
}

/** A page of a user's sign-in attempts to the admin panel, newest first. */
export async function staffLoginHistory(options: {
  db: Db;
  actor: Actor;
  id: number;
  query: Omit<StaffLoginHistoryQuery, 'format'>;
}) {
  const { db, actor, id, query } = options;
  await loadStaff(db, actor, id);
  const page = pageOf(query);
  const [rows, total] = await Promise.all([
    findAdminLoginAttempts(db, id, page),
    countAdminLoginAttempts(db, id),
  ]);
  return {
    items: rows.map((row) => ({
      at: row.attempted_at.toISOString(),
      ip: row.ip,
      succeeded: row.succeeded,
      userAgent: row.user_agent,
    })),
    total,
  };
}

type Attempt = Awaited<ReturnType<typeof findAdminLoginAttempts>>[number];

const historyColumns: readonly ExportColumn<Attempt>[] = [
  exportColumn('Time (UTC)', 'Время (UTC)', (row) => timeCell(row.attempted_at)),
  exportColumn('IP address', 'IP-адрес', (row) => row.ip),
  exportColumn('Result', 'Результат', (row, locale) =>
    row.succeeded ? (locale === 'ru' ? 'Успешно' : 'Success') : locale === 'ru' ? 'Отказ' : 'Refused',
  ),
  exportColumn('User agent', 'Браузер', (row) => row.user_agent),
];

/** The whole sign-in history of a user as a csv or xlsx file. */
export async function exportStaffLoginHistory(options: {
  db: Db;
  actor: Actor;
  id: number;
  format: SpreadsheetFormat;
  locale: Locale;
}) {
  const { db, actor, id } = options;
  await loadStaff(db, actor, id);
  return writeExport({
    sheetName: { en: 'Login history', ru: 'История входов' },
    columns: historyColumns,
    items: await findAdminLoginAttempts(db, id, EXPORT_ROWS),
    locale: options.locale,
    format: options.format,
  });
}
