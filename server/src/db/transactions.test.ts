import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createContract, createPartner } from '../../test/builders.js';
import { apiBalanceOf, moneyRequest, newIdempotencyKey } from '../../test/money-builders.js';
import { useTestAppAsRoot } from '../../test/test-suite.js';

/*
 * A transaction that PostgreSQL made a deadlock's victim (SQLSTATE 40P01) or could not serialise
 * (40001) wrote nothing and is run again; when it keeps failing the answer is 503 `retry` with
 * Retry-After, never 409 version_conflict (nothing was stale) and never a 500. The failures are real
 * database errors, raised by a trigger on the idempotency keys a payment claims first in its
 * transaction, on both engines.
 */

const { context, root } = useTestAppAsRoot({ rootLogin: 'transactions.root' });
const db = () => context.database.db;
let partnerId: number;

beforeAll(async () => {
  partnerId = (await createPartner(root, { name: 'Retry dealer' })).id;
  await sql`create table transient_failures (code text not null, failures int not null)`.execute(db());
  // A sequence counts the attempts: nextval is not rolled back with the attempt that failed.
  await sql`create sequence transient_attempts`.execute(db());
  await sql`
    create function fail_transiently() returns trigger language plpgsql as $$
    declare failure record;
    begin
      select code, failures into failure from transient_failures limit 1;
      if found and nextval('transient_attempts') <= failure.failures then
        raise exception 'simulated transient failure' using errcode = failure.code;
      end if;
      return new;
    end $$`.execute(db());
  await sql`create trigger fail_transiently before insert on idempotency_keys
            for each row execute function fail_transiently()`.execute(db());
});

/** The next `failures` attempts to claim an idempotency key fail with SQLSTATE `code`. */
async function failNext(code: string, failures: number) {
  await sql`delete from transient_failures`.execute(db());
  await sql`insert into transient_failures values (${code}, ${failures})`.execute(db());
  await sql`alter sequence transient_attempts restart with 1`.execute(db());
}

async function attempts() {
  const { rows } = await sql<{ n: number }>`select last_value::int as n from transient_attempts`.execute(
    db(),
  );
  return rows[0]!.n;
}

async function paymentCount(contractId: number) {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from ledger_transfers where kind = 'payment' and contract_id = ${contractId}::bigint`.execute(
    db(),
  );
  return rows[0]!.n;
}

describe('a write that keeps failing for a transient reason', () => {
  it.each([
    ['a deadlock', '40P01'],
    ['a serialisation failure', '40001'],
  ])('is answered 503 retry with Retry-After after %s, and writes nothing', async (_title, code) => {
    const contractId = (await createContract(root, partnerId)).id;
    await failNext(code, 1_000);
    const key = newIdempotencyKey();
    const answer = await moneyRequest(root, 'payments', { contractId, amount: '10.00' }, key);
    expect(answer.statusCode).toBe(503);
    expect(answer.headers['content-type']).toContain('application/problem+json');
    expect(answer.headers['retry-after']).toBe('1');
    expect(answer.json()).toMatchObject({ status: 503, code: 'retry', errors: [] });
    expect(answer.json<{ title: string }>().title).toBe(
      'The database was busy with the same records and nothing was saved; send the request again',
    );
    // The first try and four more, then the answer.
    expect(await attempts()).toBe(5);
    expect(await paymentCount(contractId)).toBe(0);
    expect((await apiBalanceOf(root, 'contracts', contractId)).balance).toBe('0.00');

    // In Russian, the same rule in the caller's language.
    const russian = await moneyRequest(root.inLocale('ru'), 'payments', { contractId, amount: '10.00' });
    expect(russian.statusCode).toBe(503);
    expect(russian.json<{ title: string }>().title).toBe(
      'База данных была занята теми же записями, ничего не сохранено; отправьте запрос ещё раз',
    );

    // The same request sent again once the database is free posts the payment, once.
    await failNext(code, 0);
    expect((await moneyRequest(root, 'payments', { contractId, amount: '10.00' }, key)).statusCode).toBe(201);
    expect((await moneyRequest(root, 'payments', { contractId, amount: '10.00' }, key)).statusCode).toBe(201);
    expect(await paymentCount(contractId)).toBe(1);
    expect((await apiBalanceOf(root, 'contracts', contractId)).balance).toBe('10.00');
  });
});

describe('a write that failed for a transient reason a few times', () => {
  it('is run again and succeeds: one payment, answered 201', async () => {
    const contractId = (await createContract(root, partnerId)).id;
    await failNext('40P01', 2);
    const answer = await moneyRequest(root, 'payments', { contractId, amount: '7.50' });
    expect(answer.statusCode, answer.body).toBe(201);
    expect(await attempts()).toBe(3);
    expect(await paymentCount(contractId)).toBe(1);
    expect((await apiBalanceOf(root, 'contracts', contractId)).balance).toBe('7.50');
  });
});
