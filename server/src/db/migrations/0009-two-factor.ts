import { sql, type Kysely } from 'kysely';

/*
 * Two-factor sign-in (TOTP, RFC 6238) for admin-panel users. The shared secret is kept encrypted
 * (AES-256-GCM with the deployment's FLEETDESK_SECRET_KEY, lib/secret-box.ts): the server must read it
 * back to check a code, so a hash would not do. The recovery codes are only ever compared, so only
 * their hashes are kept. `last_used_step` is the TOTP time step of the last accepted code: a code of
 * that step or an earlier one is refused, so an overheard code cannot be replayed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table admin_two_factor (
      user_id bigint primary key references admin_users (id),
      -- The secret in force; null while two-factor sign-in is off.
      secret_encrypted text,
      -- A secret shown by the set-up and not yet confirmed with a first code.
      pending_secret_encrypted text,
      enabled_at timestamptz,
      last_used_step bigint,
      updated_at timestamptz not null default now(),
      constraint admin_two_factor_enabled_has_secret check ((enabled_at is null) = (secret_encrypted is null))
    );

    create table admin_recovery_codes (
      user_id bigint not null references admin_users (id),
      code_hash text not null,
      used_at timestamptz,
      created_at timestamptz not null default now(),
      primary key (user_id, code_hash)
    );
  `.execute(db);
}
