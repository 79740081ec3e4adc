-- The partners-list statements that are slow at 10,000 partners, each as the server sends it today and
-- as proposed in docs/benchmarks.md, under EXPLAIN ANALYZE. (The descending sorts that missed their
-- index, "desc nulls last", are fixed in partners.repository.ts and no longer listed here.)
-- Read-only: the one index experiment runs in a transaction that is rolled back.
--
--   psql -h 127.0.0.1 -U postgres -d fleetdesk_bench -f bench/slow-queries.sql
--
-- The SELECT list is the one of partners.repository.ts listPartners(); parameters are inlined.

\set columns 'p.id, p.name, p.price_tariff_id, price.name as price_tariff_name, p.currency, p.email, p.phone, u.login, p.accounts_count, p.vehicles_count, p.parent_id, parent.name as parent_name, p.comment, p.blocked, p.users_blocked, p.archived_at'
\set joins 'left join admin_users as u on u.partner_id = p.id and u.role = ''partner_admin'' left join partners as parent on parent.id = p.parent_id left join tariffs as price on price.id = p.price_tariff_id'

\echo '=== 1a. the count on every page, as sent: admin_users is joined although nothing filters on it'
explain (analyze, buffers)
select count(*) as n from partners as p :joins
 where true and p.archived_at is null;

\echo '=== 1b. proposed: join admin_users only for search/login filters (parent and tariffs joins are already removed by the planner)'
explain (analyze, buffers)
select count(*) as n from partners as p
 where true and p.archived_at is null;

\echo '=== 2a. ?page=150 as sent: 7,500 rows are joined to throw 7,450 away'
explain (analyze, buffers)
select :columns from partners as p :joins
 where true and p.archived_at is null
 order by p.id asc nulls last, p.id asc limit 50 offset 7450;

\echo '=== 2b. proposed: page the ids first (sort key and filters on p only), join the 50 rows after'
explain (analyze, buffers)
select :columns
  from (select p.id from partners as p
         where true and p.archived_at is null
         order by p.id asc limit 50 offset 7450) as page
  join partners as p on p.id = page.id :joins
 order by p.id asc;

\echo '=== 2c. ?currency=KZT&sort=login as sent: all 2,040 KZT rows are joined to parent and tariffs, then sorted'
explain (analyze, buffers)
select :columns from partners as p :joins
 where true and p.archived_at is null and p.currency = 'KZT'
 order by lower(u.login) asc nulls last, p.id asc limit 50 offset 0;

\echo '=== 2d. proposed: the same deferred join; the page query keeps only the join its sort key needs (admin_users)'
explain (analyze, buffers)
select :columns
  from (select p.id, lower(u.login) as sort_key from partners as p
          left join admin_users as u on u.partner_id = p.id and u.role = 'partner_admin'
         where true and p.archived_at is null and p.currency = 'KZT'
         order by lower(u.login) asc nulls last, p.id asc limit 50 offset 0) as page
  join partners as p on p.id = page.id :joins
 order by page.sort_key asc nulls last, p.id asc;

\echo '=== 3a. ?search=трек count as sent: six ILIKEs on every row'
explain (analyze, buffers)
select count(*) as n from partners as p :joins
 where true and p.archived_at is null
   and (p.name ilike '%трек%' or u.login ilike '%трек%' or p.email ilike '%трек%'
        or p.phone ilike '%трек%' or p.iin ilike '%трек%' or p.code_1c ilike '%трек%');

\echo '=== 3b. proposed (later, when search must scale): pg_trgm indexes; rolled back'
begin;
create extension if not exists pg_trgm;
create index partners_search_trgm on partners using gin ((lower(
  name || ' ' || coalesce(email, '') || ' ' || coalesce(phone, '') || ' ' || coalesce(iin, '') || ' '
  || coalesce(code_1c, ''))) gin_trgm_ops);
create index admin_users_login_trgm on admin_users using gin (lower(login) gin_trgm_ops)
  where role = 'partner_admin';
analyze partners;
analyze admin_users;
explain (analyze, buffers)
select count(*) as n from partners as p
 where true and p.archived_at is null
   and p.id in (
     select id from partners
      where lower(name || ' ' || coalesce(email, '') || ' ' || coalesce(phone, '') || ' ' || coalesce(iin, '')
                  || ' ' || coalesce(code_1c, '')) like '%трек%'
     union
     select partner_id from admin_users where role = 'partner_admin' and lower(login) like '%трек%');
rollback;
