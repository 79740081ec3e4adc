/*
 * What a PostgreSQL error means for a request, in one place: the unique constraints whose violation is
 * a user's conflict (with the field and code to report) and the SQLSTATE codes the error handler maps.
 * Both engines raise the same codes and constraint names.
 */

/** SQLSTATE codes the application tells apart. */
export const SqlState = {
  uniqueViolation: '23505',
  numericOutOfRange: '22003',
  serializationFailure: '40001',
  deadlockDetected: '40P01',
} as const;

/** Unique constraints whose violation is a user's conflict: the code to answer and the field it names. */
const uniqueConstraints: Record<string, { code: string; field?: string }> = {
  admin_users_login_key: { field: 'login', code: 'login_taken' },
  partners_code_1c_key: { field: 'code1c', code: 'code1c_taken' },
  tariff_versions_tariff_id_effective_from_key: { field: 'effectiveFrom', code: 'tariff_version_exists' },
  contracts_code_1c_key: { field: 'code1c', code: 'contract_code1c_taken' },
  contracts_warehouse_key: { field: 'isWarehouse', code: 'warehouse_exists' },
  // A save that raced past the services' own checks (which can name the holder in the subtree).
  objects_device_id_key: { field: 'deviceId', code: 'device_id_taken' },
  portal_users_login_key: { field: 'login', code: 'login_taken' },
  // Two corrections of one transfer at once: the unique index lets one in.
  ledger_reverses_key: { code: 'already_reversed' },
};

export interface DatabaseError extends Error {
  code: string;
  constraint?: string;
}

/** An error raised by the database (a five-character SQLSTATE), as opposed to one of ours. */
export function isDatabaseError(error: unknown): error is DatabaseError {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code);
}

/** The conflict a unique violation stands for, or null for one no user can cause (a fault of ours). */
export function conflictOfUniqueViolation(error: DatabaseError): { code: string; field?: string } | null {
  return uniqueConstraints[error.constraint ?? ''] ?? null;
}

/** Errors of the network between the server and PostgreSQL (Node's system error codes). */
const networkErrorCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
]);

/**
 * SQLSTATEs of a server that is not there for the moment: connection exceptions (class 08), a server
 * shutting down or starting up (57P01–57P03), too many connections (53300).
 */
const unavailableStates = /^(08...|57P0[1-3]|53300)$/;

/**
 * node-postgres' own words when a connection ends or cannot be had in time (plain errors, no code):
 * "Connection terminated unexpectedly", "Connection terminated due to connection timeout", "timeout
 * exceeded when trying to connect", "Client has encountered a connection error and is not queryable".
 */
const driverMessages =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error)/;

/**
 * Whether the database could not be reached, as opposed to a statement it refused: the request did
 * not happen (or its transaction was never committed), and the same request can succeed once the
 * database is back — the pool opens new connections by itself.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (networkErrorCodes.has(code) || unavailableStates.test(code))) return true;
  return driverMessages.test(error.message);
}
