import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Table types of the database, one interface per table; keep in step with migrations/. */
export interface Database {
  partners: PartnersTable;
  tariffs: TariffsTable;
  tariff_versions: TariffVersionsTable;
  admin_users: AdminUsersTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  audit_events: AuditEventsTable;
  vat_rates: VatRatesTable;
  partner_settings: PartnerSettingsTable;
  contracts: ContractsTable;
  objects: ObjectsTable;
  object_tariffs: ObjectTariffsTable;
  portal_users: PortalUsersTable;
  portal_login_attempts: PortalLoginAttemptsTable;
  portal_master_tokens: PortalMasterTokensTable;
  ledger_accounts: LedgerAccountsTable;
  ledger_transfers: LedgerTransfersTable;
  exchange_rates: ExchangeRatesTable;
  billing_runs: BillingRunsTable;
  billing_run_issues: BillingRunIssuesTable;
  billing_object_days: BillingObjectDaysTable;
  billing_day_prices: BillingDayPricesTable;
  ledger_reversals: LedgerReversalsTable;
  idempotency_keys: IdempotencyKeysTable;
  api_tokens: ApiTokensTable;
  admin_two_factor: AdminTwoFactorTable;
  admin_recovery_codes: AdminRecoveryCodesTable;
}

type CreatedAt = ColumnType<Date, never, never>;
type UpdatedAt = ColumnType<Date, Date | undefined, Date>;
/** numeric columns: read as exact decimal strings, written as decimal strings. */
type Numeric = ColumnType<string, string, string>;
type NumericDefault = ColumnType<string, string | undefined, string>;
/** date columns: 'YYYY-MM-DD' text both ways. */
type DateText = string;

export type AccountType = 'prepayment' | 'postpayment' | 'postpayment_light';
export type PasswordPolicy = 'simple' | 'complex';
/** A contract's own policy for its portal users' passwords, or the partner's ("inherit"). */
export type ContractPasswordPolicy = 'inherit' | PasswordPolicy;
export type PortalUserType = 'administrator' | 'user';
export type TariffPeriod = 'month' | 'day';
export type AdminRole = 'super_admin' | 'partner_admin' | 'staff';

export interface PartnersTable {
  id: Generated<number>;
  parent_id: number | null;
  path: number[];
  name: string;
  email: string | null;
  phone: string | null;
  deposit: NumericDefault;
  iin: string | null;
  kpp: string | null;
  vat_percent: Numeric | null;
  code_1c: string | null;
  region: string | null;
  blocked: Generated<boolean>;
  users_blocked: Generated<boolean>;
  currency: string;
  additional_currencies: Generated<string[]>;
  price_tariff_id: number | null;
  partner_price_tariff_id: number | null;
  organization_type: string | null;
  account_type: AccountType;
  user_password_policy: Generated<PasswordPolicy>;
  show_user_password: Generated<boolean>;
  comment: string | null;
  accounts_count: Generated<number>;
  vehicles_count: Generated<number>;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  archived_at: Date | null;
}

export interface TariffsTable {
  id: Generated<number>;
  owner_partner_id: number | null;
  name: string;
  currency: string;
  period: TariffPeriod;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  archived_at: Date | null;
}

export interface TariffVersionsTable {
  id: Generated<number>;
  tariff_id: number;
  price: Numeric;
  effective_from: DateText;
  created_at: CreatedAt;
}

export interface AdminUsersTable {
  id: Generated<number>;
  partner_id: number | null;
  role: AdminRole;
  login: string;
  name: string | null;
  password_hash: string;
  blocked: Generated<boolean>;
  /** A staff user's rights ("contracts:read", …); administrators hold every right by their role. */
  rights: Generated<string[]>;
  email: string | null;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  archived_at: Date | null;
}

export interface SessionsTable {
  id: string;
  user_id: number;
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: CreatedAt;
  last_seen_at: ColumnType<Date, Date | undefined, Date>;
  expires_at: Date;
}

export interface LoginAttemptsTable {
  id: Generated<number>;
  login: string;
  ip: string;
  succeeded: boolean;
  attempted_at: ColumnType<Date, Date | undefined, never>;
  /** The user the login named, when it exists. */
  user_id: number | null;
  user_agent: string | null;
}

export interface AuditEventsTable {
  id: Generated<number>;
  entity_type: string;
  entity_id: number;
  action: string;
  changes: ColumnType<AuditChange[], string, never>;
  actor_user_id: number | null;
  actor_login: string | null;
  request_id: string | null;
  created_at: CreatedAt;
}

export interface AuditChange {
  field: string;
  old: unknown;
  new: unknown;
}

export interface VatRatesTable {
  country: string;
  rate_percent: Numeric;
  valid_from: DateText;
}

/** value: any JSON, read parsed and written as JSON text (JSON.stringify), on both engines. */
export interface PartnerSettingsTable {
  partner_id: number;
  key: string;
  value: ColumnType<unknown, string, string>;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export type PartnerRow = Selectable<PartnersTable>;
export type NewPartnerRow = Insertable<PartnersTable>;
export type PartnerRowUpdate = Updateable<PartnersTable>;
export type TariffRow = Selectable<TariffsTable>;
export type AdminUserRow = Selectable<AdminUsersTable>;

export interface ContractsTable {
  id: Generated<number>;
  partner_id: number;
  name: string;
  email: string | null;
  phone: string | null;
  deposit: NumericDefault;
  iin: string | null;
  kpp: string | null;
  currency: string;
  tariff_id: number | null;
  organization_type: string | null;
  account_type: AccountType;
  blocking_limit: Numeric | null;
  code_1c: string | null;
  active: Generated<boolean>;
  is_warehouse: Generated<boolean>;
  blocked: Generated<boolean>;
  /** Blocked for debt by its account type; lifted by the payment that settles it. */
  debt_blocked: Generated<boolean>;
  user_password_policy: Generated<ContractPasswordPolicy>;
  comment: string | null;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  archived_at: Date | null;
}

export interface ObjectsTable {
  id: Generated<number>;
  partner_id: number;
  contract_id: number;
  name: string;
  device_id: string;
  device_type: string | null;
  sim_phone: string | null;
  sim2_phone: string | null;
  iccid: string | null;
  sim_provider: string | null;
  plate_number: string | null;
  active: Generated<boolean>;
  tariff_id: number;
  tariff_pinned_at: DateText;
  /** The first and (when set) last day the object is billed, both inclusive. */
  active_from: ColumnType<DateText, DateText | undefined, DateText>;
  active_until: DateText | null;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  archived_at: Date | null;
}

export interface ObjectTariffsTable {
  object_id: number;
  tariff_id: number;
  effective_from: DateText;
  created_at: CreatedAt;
}

export interface PortalUsersTable {
  id: Generated<number>;
  partner_id: number;
  contract_id: number;
  login: string;
  name: string | null;
  phone: string | null;
  email: string | null;
  password_hash: string;
  type: PortalUserType;
  blocked: Generated<boolean>;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  archived_at: Date | null;
}

export interface PortalLoginAttemptsTable {
  id: Generated<number>;
  user_id: number | null;
  login: string;
  ip: string;
  result: string;
  attempted_at: ColumnType<Date, Date | undefined, never>;
  /** The admin who entered as the user ("Log in as"); null for the user's own sign-in. */
  master_login: ColumnType<string | null, string | null | undefined, never>;
}

export interface PortalMasterTokensTable {
  token_hash: string;
  portal_user_id: number;
  admin_user_id: number;
  admin_login: string;
  expires_at: Date;
  used_at: Date | null;
  created_at: CreatedAt;
}

export type ContractRow = Selectable<ContractsTable>;
export type ObjectRow = Selectable<ObjectsTable>;
export type PortalUserRow = Selectable<PortalUsersTable>;

export type LedgerOwnerType = 'platform' | 'partner' | 'contract';
/** balance: a contract's or partner's account with its partner/parent; revenue: charges received; funds: payments received. */
export type LedgerAccountKind = 'balance' | 'revenue' | 'funds';
export type TransferKind = 'payment' | 'deposit' | 'write_off' | 'correction' | 'charge';
export type BillingTrigger = 'schedule' | 'cli' | 'api';

export interface LedgerAccountsTable {
  id: Generated<number>;
  owner_type: LedgerOwnerType;
  owner_id: number | null;
  kind: LedgerAccountKind;
  currency: string;
  /** Cache of sum(credits) - sum(debits), kept in the transaction that inserts the transfers. */
  balance: NumericDefault;
  created_at: CreatedAt;
}

export interface LedgerTransfersTable {
  id: Generated<number>;
  kind: TransferKind;
  currency: string;
  debit_account_id: number;
  credit_account_id: number;
  amount: Numeric;
  partner_id: number;
  contract_id: number | null;
  object_id: number | null;
  level: number | null;
  charge_day: DateText | null;
  tariff_id: number | null;
  /** The object-days a charge sums, or a correction of a charge reverses. */
  quantity: number | null;
  value_date: DateText;
  reverses_id: number | null;
  billing_run_id: number | null;
  comment: string | null;
  actor_user_id: number | null;
  created_at: CreatedAt;
}

/** One object's charged days in a month: 32 bits per level (see migration 0010). */
export interface BillingObjectDaysTable {
  month: DateText;
  object_id: number;
  contract_id: number;
  partner_id: number;
  path_id: number;
  tariff_id: number;
  currency: string;
  days: string;
  others: ColumnType<Record<string, [number, number, number, number]> | null, string | null, string | null>;
}

export interface BillingDayPricesTable {
  day: DateText;
  tariff_id: number;
  currency: string;
  amount: Numeric;
}

/** A charge reversed whole (object_id 0) or one object-day at a time. */
export interface LedgerReversalsTable {
  reversed_id: number;
  object_id: ColumnType<number, number | undefined, never>;
  correction_id: number;
}

export interface ExchangeRatesTable {
  id: Generated<number>;
  base_currency: string;
  quote_currency: string;
  valid_from: DateText;
  rate: Numeric;
  created_by: number | null;
  created_at: CreatedAt;
}

export interface BillingRunsTable {
  id: Generated<number>;
  day: DateText;
  trigger: BillingTrigger;
  status: 'running' | 'completed' | 'failed';
  actor_user_id: number | null;
  started_at: ColumnType<Date, Date | undefined, never>;
  finished_at: Date | null;
  duration_ms: number | null;
  objects_charged: Generated<number>;
  transfers_created: Generated<number>;
  already_charged: Generated<number>;
  issues_count: Generated<number>;
  totals: ColumnType<BillingRunTotal[], string | undefined, string>;
  error: string | null;
}

export interface BillingRunTotal {
  currency: string;
  level: number;
  /** Ledger charges (one per payer, payee and tariff). */
  transfers: number;
  /** The object-days they sum (absent in runs before the aggregated charges). */
  objectDays?: number;
  amount: string;
}

/** A run's issues of one paying partner, level, reason and detail: the objects they concern. */
export interface BillingRunIssuesTable {
  run_id: number;
  partner_id: number;
  level: number;
  reason: 'exchange_rate_missing' | 'price_missing';
  detail: ColumnType<Record<string, unknown>, string | undefined, string>;
  object_ids: number[];
}

export interface IdempotencyKeysTable {
  actor_user_id: number;
  endpoint: string;
  key: string;
  request_hash: string;
  status_code: number;
  response: ColumnType<unknown, string, string>;
  created_at: CreatedAt;
}

export interface ApiTokensTable {
  id: Generated<number>;
  token_hash: string;
  prefix: string;
  user_id: number;
  name: string;
  rights: string[];
  expires_at: Date | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
  created_at: CreatedAt;
}

/** An admin-panel user's two-factor sign-in (TOTP): secrets encrypted (lib/secret-box.ts). */
export interface AdminTwoFactorTable {
  user_id: number;
  secret_encrypted: string | null;
  pending_secret_encrypted: string | null;
  enabled_at: Date | null;
  /** The TOTP time step of the last accepted code. */
  last_used_step: number | null;
  updated_at: UpdatedAt;
}

/** One-time recovery codes of an admin-panel user's two-factor sign-in: hashes only. */
export interface AdminRecoveryCodesTable {
  user_id: number;
  code_hash: string;
  used_at: Date | null;
  created_at: CreatedAt;
}
