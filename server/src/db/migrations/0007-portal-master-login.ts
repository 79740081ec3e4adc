import { sql, type Kysely } from 'kysely';

/*
 * "Log in as" (Master): an admin-panel user enters the monitoring portal as one of a client's users
 * with a single-use token valid for 60 seconds. Only the token's hash is kept; the login history names
 * the admin who entered.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table portal_master_tokens (
      token_hash text primary key,
      portal_user_id bigint not null references portal_users (id),
      admin_user_id bigint not null references admin_users (id),
      admin_login text not null,
      expires_at timestamptz not null,
      used_at timestamptz,
      created_at timestamptz not null default now()
    );
    create index portal_master_tokens_expiry_idx on portal_master_tokens (expires_at);

    -- The admin who entered as the user ("Log in as"); null for the user's own sign-in.
    alter table portal_login_attempts add column master_login text;
  `.execute(db);
}
