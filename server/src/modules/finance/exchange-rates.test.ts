import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPartner, createSuperAdmin, signInAsPartner } from '../../../test/builders.js';
import { anonymous, expectStatus, fieldCodes, type TestClient } from '../../../test/client.js';
import { createTestApp, type TestContext } from '../../../test/test-app.js';
import type { ExchangeRate } from './finance.schemas.js';
import type { Static } from 'typebox';

type RateBody = Static<typeof ExchangeRate>;

let context: TestContext;
let root: TestClient;
let partnerAdmin: TestClient;

beforeAll(async () => {
  context = await createTestApp();
  root = await createSuperAdmin(context.app, context.database.db, 'rates.root');
  partnerAdmin = await signInAsPartner(context.app, await createPartner(root));
});
afterAll(() => context.close());

const create = (client: TestClient, body: Record<string, unknown>) =>
  client.post('/api/v1/finance/exchange-rates', body);

describe('exchange rates', () => {
  it('are entered by a super administrator, normalised and audited', async () => {
    const rate = expectStatus<RateBody>(
      await create(root, {
        baseCurrency: 'usd',
        quoteCurrency: 'RUB',
        validFrom: '2026-03-01',
        rate: '92.5',
      }),
      201,
    );
    expect(rate).toEqual({
      id: expect.any(Number),
      baseCurrency: 'USD',
      quoteCurrency: 'RUB',
      validFrom: '2026-03-01',
      rate: '92.50000000',
      createdAt: expect.any(String),
    });
    const events = await context.database.db
      .selectFrom('audit_events')
      .where('entity_type', '=', 'exchange_rate')
      .where('entity_id', '=', rate.id)
      .select(['action', 'actor_login', 'changes'])
      .execute();
    expect(events).toEqual([
      {
        action: 'created',
        actor_login: 'rates.root',
        changes: [
          { field: 'baseCurrency', old: null, new: 'USD' },
          { field: 'quoteCurrency', old: null, new: 'RUB' },
          { field: 'validFrom', old: null, new: '2026-03-01' },
          { field: 'rate', old: null, new: '92.50000000' },
        ],
      },
    ]);
  });

  it('are read by every signed-in user, newest first per pair, filtered by currency', async () => {
    expectStatus(
      await create(root, {
        baseCurrency: 'USD',
        quoteCurrency: 'RUB',
        validFrom: '2026-04-01',
        rate: '0.00000001',
      }),
      201,
    );
    expectStatus(
      await create(root, {
        baseCurrency: 'EUR',
        quoteCurrency: 'RUB',
        validFrom: '2026-04-01',
        rate: '100.12345678',
      }),
      201,
    );
    const all = expectStatus<{ items: RateBody[]; total: number }>(
      await partnerAdmin.get('/api/v1/finance/exchange-rates'),
      200,
    );
    expect(all.total).toBe(3);
    expect(
      all.items.map((item) => [item.baseCurrency, item.quoteCurrency, item.validFrom, item.rate]),
    ).toEqual([
      ['EUR', 'RUB', '2026-04-01', '100.12345678'],
      ['USD', 'RUB', '2026-04-01', '0.00000001'],
      ['USD', 'RUB', '2026-03-01', '92.50000000'],
    ]);
    const usd = expectStatus<{ items: RateBody[] }>(
      await partnerAdmin.get('/api/v1/finance/exchange-rates?baseCurrency=usd&quoteCurrency=RUB'),
      200,
    );
    expect(usd.items).toHaveLength(2);
    expect((await anonymous(context.app).get('/api/v1/finance/exchange-rates')).statusCode).toBe(401);
  });

  it('are refused to anyone else with 403 forbidden', async () => {
    const response = await create(partnerAdmin, {
      baseCurrency: 'USD',
      quoteCurrency: 'KZT',
      validFrom: '2026-03-01',
      rate: '500',
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'forbidden' });
  });

  it('are one per pair and day: a second is 409', async () => {
    const body = { baseCurrency: 'USD', quoteCurrency: 'RUB', validFrom: '2026-03-01', rate: '93' };
    const response = await create(root, body);
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'exchange_rate_exists', errors: [{ field: 'validFrom' }] });
    // The reverse pair is another pair.
    expectStatus(
      await create(root, { ...body, baseCurrency: 'RUB', quoteCurrency: 'USD', rate: '0.0108' }),
      201,
    );
  });

  it('check currencies, pair and rate, naming each field', async () => {
    const codes = async (body: Record<string, unknown>) =>
      fieldCodes(
        await create(root, {
          baseCurrency: 'USD',
          quoteCurrency: 'RUB',
          validFrom: '2026-05-01',
          rate: '1',
          ...body,
        }),
      );
    expect(await codes({ baseCurrency: 'XXY' })).toEqual(['baseCurrency:currency_unknown']);
    expect(await codes({ quoteCurrency: '' })).toEqual(['quoteCurrency:required']);
    expect(await codes({ quoteCurrency: 'usd' })).toEqual(['quoteCurrency:currency_same']);
    for (const rate of ['0', '-1', '1.123456789', 'abc', '1234567890123', '0.00000000']) {
      expect(await codes({ rate }), rate).toEqual(['rate:rate_invalid']);
    }
    expect(await codes({ rate: 1.5 })).toEqual(['rate:type']);
    expect(await codes({ validFrom: '2026-02-30' })).toEqual(['validFrom:format']);
    const ru = await create(root.inLocale('ru'), {
      baseCurrency: 'USD',
      quoteCurrency: 'USD',
      validFrom: '2026-05-01',
      rate: '0',
    });
    expect(ru.json<{ errors: { message: string }[] }>().errors.map((error) => error.message)).toEqual([
      'Поле «Котируемая валюта» должно отличаться от базовой валюты',
      'Поле «Курс» — число больше нуля, не больше 8 знаков после точки',
    ]);
  });
});
