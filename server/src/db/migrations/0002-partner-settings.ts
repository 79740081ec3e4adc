import { sql, type Kysely } from 'kysely';

/*
 * A partner's configuration: key/value settings chosen from the catalogue in
 * modules/partner-settings/setting-catalogue.ts. The value's shape is validated by the application
 * (it depends on the key); each row carries its own version for optimistic concurrency.
 * Forward-only: never edit after it landed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table partner_settings (
      partner_id bigint not null references partners (id),
      key text not null,
      value jsonb not null,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (partner_id, key)
    );
  `.execute(db);
}
