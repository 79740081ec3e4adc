import { sql, type Kysely } from 'kysely';

/* A 1C Code is an identifier people type: "d1" and "D1" are the same code, so uniqueness ignores case. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop index partners_code_1c_key;
    create unique index partners_code_1c_key on partners (lower(code_1c)) where code_1c is not null;
  `.execute(db);
}
