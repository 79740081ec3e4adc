import { sql, type Kysely } from 'kysely';

/*
 * A billing run's issues kept per run, paying partner, level, reason and detail, with the objects'
 * ids in an array: a day with a currency pair missing its rate had one row per object and level —
 * 87,000 rows and 13 MB a day at the benchmark's scale — and is now a few thousand rows and about
 * 1 MB. The API still lists them one per object and level.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table billing_run_issue_groups (
      run_id bigint not null references billing_runs (id),
      partner_id bigint not null,
      level smallint not null,
      reason text not null check (reason in ('exchange_rate_missing', 'price_missing')),
      detail jsonb not null default '{}',
      -- In id order, each once.
      object_ids bigint[] not null check (cardinality(object_ids) > 0),
      primary key (run_id, partner_id, level, reason, detail)
    );
    insert into billing_run_issue_groups (run_id, partner_id, level, reason, detail, object_ids)
    select run_id, partner_id, level, reason, detail, array_agg(object_id order by object_id)
      from billing_run_issues
     group by run_id, partner_id, level, reason, detail;
    drop table billing_run_issues;
    alter table billing_run_issue_groups rename to billing_run_issues;
    alter index billing_run_issue_groups_pkey rename to billing_run_issues_pkey;
  `.execute(db);
}
