import { sql, type Kysely } from 'kysely';

/*
 * What the lists need at 10,000 partners, 100,000 contracts and 1,000,000 objects (docs/benchmarks.md,
 * "after"):
 *
 * - Trigram GIN indexes (pg_trgm) for the lists' "contains" searches. The queries keep `col ilike
 *   '%…%'`: gin_trgm_ops serves ILIKE on the column itself (its trigrams are case-folded), so one index per
 *   column serves the search box and the column filters alike, and no query changes its meaning.
 * - A btree (partner_id, lower(name), id) for a partner's objects sorted by name, the list's default
 *   view of a partner; without it the page walks objects_name_idx for the whole platform.
 *
 * PGlite loads pg_trgm at construction (server/src/db/connect.ts); PostgreSQL needs postgresql-contrib.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create extension if not exists pg_trgm;

    create index objects_name_trgm on objects using gin (name gin_trgm_ops);
    create index objects_device_id_trgm on objects using gin (device_id gin_trgm_ops);
    create index objects_plate_trgm on objects using gin (plate_number gin_trgm_ops);
    create index objects_sim_trgm on objects using gin (sim_phone gin_trgm_ops);
    create index objects_sim2_trgm on objects using gin (sim2_phone gin_trgm_ops);
    create index objects_partner_name_idx on objects (partner_id, lower(name), id);

    create index contracts_name_trgm on contracts using gin (name gin_trgm_ops);
    create index contracts_email_trgm on contracts using gin (email gin_trgm_ops);
    create index contracts_phone_trgm on contracts using gin (phone gin_trgm_ops);
    create index contracts_iin_trgm on contracts using gin (iin gin_trgm_ops);
    create index contracts_code_1c_trgm on contracts using gin (code_1c gin_trgm_ops);

    create index portal_users_login_trgm on portal_users using gin (login gin_trgm_ops);
    create index portal_users_name_trgm on portal_users using gin (name gin_trgm_ops);
    create index portal_users_email_trgm on portal_users using gin (email gin_trgm_ops);
    create index portal_users_phone_trgm on portal_users using gin (phone gin_trgm_ops);

    create index partners_name_trgm on partners using gin (name gin_trgm_ops);
    create index partners_email_trgm on partners using gin (email gin_trgm_ops);
    create index partners_phone_trgm on partners using gin (phone gin_trgm_ops);
    create index partners_iin_trgm on partners using gin (iin gin_trgm_ops);
    create index partners_code_1c_trgm on partners using gin (code_1c gin_trgm_ops);
    create index admin_users_partner_admin_login_trgm on admin_users using gin (login gin_trgm_ops)
      where role = 'partner_admin';
  `.execute(db);
}
