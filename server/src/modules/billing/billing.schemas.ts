import { Type, type Static } from 'typebox';
import { DateString, DecimalString, Id, Nullable, PageQuery } from '../../lib/schemas.js';

export const BillingRunTotal = Type.Object({
  currency: Type.String(),
  level: Type.Integer({
    description: '0: contracts paying their partners; n: partners at depth n paying their parents',
  }),
  transfers: Type.Integer({
    description: 'Ledger charges made: one per day, level, payer, payee and tariff',
  }),
  objectDays: Type.Optional(
    Type.Integer({
      description: 'The object-days those charges sum (absent in runs made before aggregated charges)',
    }),
  ),
  amount: DecimalString,
});

export const BillingRunResponse = Type.Object({
  id: Id,
  day: Type.String({ format: 'date' }),
  trigger: Type.Enum(['schedule', 'cli', 'api']),
  status: Type.Enum(['running', 'completed', 'failed']),
  actorLogin: Nullable(Type.String()),
  startedAt: Type.String({ format: 'date-time' }),
  finishedAt: Nullable(Type.String({ format: 'date-time' })),
  durationMs: Nullable(Type.Integer()),
  objectsCharged: Type.Integer({ description: 'Objects with at least one charge made by this run' }),
  transfersCreated: Type.Integer({
    description: 'Ledger charges made: each sums the object-days of one level, payer, payee and tariff',
  }),
  alreadyCharged: Type.Integer({
    description: 'Object-days (per level) found charged before: left as they are',
  }),
  issuesCount: Type.Integer({ description: 'Charges that could not be made (see the issues)' }),
  totals: Type.Array(BillingRunTotal, { description: 'What this run charged, per currency and level' }),
  error: Nullable(Type.String()),
});

export const BillingRunList = Type.Object({ items: Type.Array(BillingRunResponse), total: Type.Integer() });

export const BillingRunQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });
export type BillingRunQuery = Static<typeof BillingRunQuery>;

export const BillingRunIssueList = Type.Object({
  items: Type.Array(
    Type.Object({
      objectId: Id,
      objectName: Nullable(Type.String()),
      partnerId: Id,
      partnerName: Nullable(Type.String()),
      tariffId: Nullable(Id),
      tariffName: Nullable(Type.String({ description: 'The tariff that could not be charged' })),
      level: Type.Integer(),
      reason: Type.Enum(['exchange_rate_missing', 'price_missing']),
      message: Type.String(),
      detail: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Null()]), {
        description: 'exchange_rate_missing: {from, to, tariffId}; price_missing: {tariffId}',
      }),
    }),
  ),
  total: Type.Integer(),
});

export const BillingRunCreate = Type.Object(
  {
    day: Type.Optional(DateString),
    from: Type.Optional(DateString),
    to: Type.Optional(DateString),
  },
  {
    additionalProperties: false,
    description: 'One day, or a range from..to (both included, at most 62 days)',
  },
);
export type BillingRunCreate = Static<typeof BillingRunCreate>;

export const BillingRunsCreated = Type.Object({ runs: Type.Array(BillingRunResponse) });
