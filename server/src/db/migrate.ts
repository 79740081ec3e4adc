import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './connect.js';
import * as initial from './migrations/0001-initial.js';
import * as partnerSettings from './migrations/0002-partner-settings.js';
import * as code1cCaseInsensitive from './migrations/0003-code-1c-case-insensitive.js';
import * as contractsObjectsUsers from './migrations/0004-contracts-objects-users.js';
import * as listSearchIndexes from './migrations/0005-list-search-indexes.js';
import * as ledgerBilling from './migrations/0006-ledger-billing.js';
import * as portalMasterLogin from './migrations/0007-portal-master-login.js';
import * as staffRightsApiTokens from './migrations/0008-staff-rights-api-tokens.js';
import * as twoFactor from './migrations/0009-two-factor.js';
import * as billingStorage from './migrations/0010-billing-storage.js';
import * as billingRunIssueGroups from './migrations/0011-billing-run-issue-groups.js';
import * as ledgerChargesByTariff from './migrations/0012-ledger-charges-by-tariff.js';

/** Every migration, in order. Listed here (not read from a folder) so bundling and tsx both work. */
const migrations: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-partner-settings': partnerSettings,
  '0003-code-1c-case-insensitive': code1cCaseInsensitive,
  '0004-contracts-objects-users': contractsObjectsUsers,
  '0005-list-search-indexes': listSearchIndexes,
  '0006-ledger-billing': ledgerBilling,
  '0007-portal-master-login': portalMasterLogin,
  '0008-staff-rights-api-tokens': staffRightsApiTokens,
  '0009-two-factor': twoFactor,
  '0010-billing-storage': billingStorage,
  '0011-billing-run-issue-groups': billingRunIssueGroups,
  '0012-ledger-charges-by-tariff': ledgerChargesByTariff,
};

class StaticMigrationProvider implements MigrationProvider {
  getMigrations() {
    return Promise.resolve(migrations);
  }
}

/** Applies the migrations up to and including `name` (the tests of a migration start from the one before it). */
export async function migrateUpTo(db: Db, name: string): Promise<void> {
  const migrator = new Migrator({ db, provider: new StaticMigrationProvider() });
  const { error } = await migrator.migrateTo(name);
  if (error) throw error instanceof Error ? error : new Error(JSON.stringify(error));
}

/** Applies every pending migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new StaticMigrationProvider() });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error) {
    const where = failed ? ` in migration ${failed.migrationName}` : '';
    const reason = error instanceof Error ? error.message : JSON.stringify(error);
    throw new Error(`Database migration failed${where}: ${reason}`, { cause: error });
  }
  return (results ?? []).map((result) => result.migrationName);
}
