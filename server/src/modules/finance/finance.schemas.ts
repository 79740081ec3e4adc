import { Type, type Static } from 'typebox';
import { CurrencyCode, DateString, DecimalString, Id, Nullable, pagingQuery } from '../../lib/schemas.js';

export const transferKinds = ['payment', 'deposit', 'write_off', 'correction', 'charge'] as const;
const TransferKind = Type.Enum([...transferKinds]);

export const Transfer = Type.Object({
  id: Type.Integer(),
  kind: TransferKind,
  currency: Type.String(),
  amount: Type.String({
    description: 'Always positive: the transfer moves it from the debit to the credit account',
  }),
  signedAmount: Nullable(
    Type.String({
      description:
        'The effect on the account the list is filtered to (contractId, or partnerId with own=true): + in, - out',
    }),
  ),
  partnerId: Type.Integer({
    description: "Whose business it is: the contract's partner, or the partner whose balance moves",
  }),
  partnerName: Type.String(),
  contractId: Nullable(Type.Integer()),
  contractName: Nullable(Type.String()),
  objectId: Nullable(
    Type.Integer({ description: "A correction of one object's day of a charge: the object" }),
  ),
  objectName: Nullable(Type.String()),
  quantity: Nullable(
    Type.Integer({
      description:
        'Charges: the object-days the charge sums (one charge per day, level, payer, payee and tariff; GET /finance/transactions/{id}/objects lists them); corrections of a charge: the object-days reversed',
    }),
  ),
  unitAmount: Nullable(Type.String({ description: 'Charges: the amount of one object-day' })),
  level: Nullable(
    Type.Integer({
      description: 'Charges: 0 the contract pays its partner, n the partner at depth n pays its parent',
    }),
  ),
  chargeDay: Nullable(Type.String()),
  tariffId: Nullable(Type.Integer()),
  valueDate: Type.String(),
  reversesId: Nullable(Type.Integer()),
  reversedById: Nullable(Type.Integer({ description: 'The correction that reversed the whole transfer' })),
  comment: Nullable(Type.String()),
  actorLogin: Nullable(
    Type.String({
      description: "Who entered it; null for the billing run or someone outside the caller's tree",
    }),
  ),
  createdAt: Type.String({ format: 'date-time' }),
});

export const ChargeObjectsQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000, default: 0 })),
  },
  { additionalProperties: false },
);
export type ChargeObjectsQuery = Static<typeof ChargeObjectsQuery>;

export const ChargeObject = Type.Object({
  objectId: Type.Integer(),
  objectName: Type.String(),
  deviceId: Type.String(),
  contractId: Type.Integer(),
  contractName: Type.String(),
  amount: Type.String({ description: "The charge's amount per object-day" }),
  reversed: Type.Boolean({ description: 'This object-day was reversed by a correction' }),
});

export const ChargeObjectsPage = Type.Object({
  items: Type.Array(ChargeObject),
  total: Type.Integer(),
});

export const MoneyMoveBody = Type.Object(
  {
    contractId: Type.Optional(Id),
    partnerId: Type.Optional(Id),
    amount: { ...DecimalString, description: 'Greater than zero, at most 2 decimals, e.g. "1500.00"' },
    valueDate: Type.Optional({
      ...DateString,
      description: 'The business day; today by default, never in the future',
    }),
    comment: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  },
  { additionalProperties: false },
);
export type MoneyMoveBody = Static<typeof MoneyMoveBody>;

export const CorrectionBody = Type.Object(
  {
    transferId: Id,
    objectId: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: Number.MAX_SAFE_INTEGER,
        description:
          "A charge only: reverse this object's day of it (the charge's amount per object-day), not the whole charge",
      }),
    ),
    comment: Type.String({ maxLength: 500, description: 'Why the transfer is reversed (required)' }),
  },
  { additionalProperties: false },
);
export type CorrectionBody = Static<typeof CorrectionBody>;

export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({
      description:
        'Required: 1-200 visible ASCII characters; a retry with the same key and body gets the first answer',
    }),
  ),
});

export const transferSortColumns = ['createdAt', 'valueDate', 'amount'] as const;
export type TransferSortColumn = (typeof transferSortColumns)[number];

export const TRANSFER_MAX_PAGE_SIZE = 200;
/** Exchange rates come 100 to a page unless asked otherwise: a year of a pair's daily rates in four. */
export const EXCHANGE_RATES_PAGE_SIZE = 100;

export const TransferQuery = Type.Object(
  {
    partnerId: Type.Optional({ ...Id, description: "That partner's transfers (its own and its contracts')" }),
    contractId: Type.Optional(Id),
    own: Type.Optional(
      Type.Boolean({
        description: "With partnerId: only the transfers of the partner's own balance account",
      }),
    ),
    from: Type.Optional({ ...DateString, description: 'Value date from (inclusive)' }),
    to: Type.Optional({ ...DateString, description: 'Value date to (inclusive)' }),
    kind: Type.Optional(TransferKind),
    sort: Type.Optional(Type.Enum([...transferSortColumns])),
    order: Type.Optional(Type.Enum(['asc', 'desc'])),
    ...pagingQuery({ maxPageSize: TRANSFER_MAX_PAGE_SIZE }),
  },
  { additionalProperties: false },
);
export type TransferQuery = Static<typeof TransferQuery>;

export const TransferExportQuery = Type.Object(
  { ...TransferQuery.properties, format: Type.Enum(['csv', 'xlsx']) },
  { additionalProperties: false },
);
export type TransferExportQuery = Static<typeof TransferExportQuery>;

export const TransferList = Type.Object({
  items: Type.Array(Transfer),
  total: Type.Integer({ description: 'Counted up to 10000' }),
  totalCapped: Type.Boolean({ description: 'More than 10000 transfers match; total says 10000' }),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export const BalanceResponse = Type.Object({
  balance: Type.String(),
  currency: Type.String(),
  dailyCharge: Type.String({ description: "Today's charge of the objects billed today" }),
  daysLeft: Nullable(
    Type.Integer({
      description: 'Whole days the balance lasts at dailyCharge; 0 when none left; null without charges',
    }),
  ),
  debtBlocked: Type.Optional(
    Type.Boolean({ description: 'Contracts only: blocked for debt by the account type' }),
  ),
});

const Month = Type.String({ pattern: '^[1-9][0-9]{3}-(0[1-9]|1[0-2])$', description: 'YYYY-MM' });

export const StatementQuery = Type.Object(
  {
    contractId: Type.Optional(Id),
    partnerId: Type.Optional(Id),
    month: Month,
    currency: Type.Optional({
      ...CurrencyCode,
      description: "A partner's statement: the charges in this currency; its Currency by default",
    }),
  },
  { additionalProperties: false },
);
export type StatementQuery = Static<typeof StatementQuery>;

export const StatementExportQuery = Type.Object(
  { ...StatementQuery.properties, format: Type.Enum(['csv', 'xlsx']) },
  { additionalProperties: false },
);
export type StatementExportQuery = Static<typeof StatementExportQuery>;

const Party = Type.Object({
  type: Type.Enum(['platform', 'partner', 'contract']),
  id: Nullable(Type.Integer()),
  name: Nullable(
    Type.String({ description: "null for the platform, or a parent outside the caller's tree" }),
  ),
});

export const StatementResponse = Type.Object({
  month: Type.String(),
  currency: Type.String(),
  vatPercent: Nullable(
    Type.String({ description: "The seller's VAT; null when it has none (no VAT charged)" }),
  ),
  seller: Party,
  buyer: Party,
  lines: Type.Array(
    Type.Object({
      objectId: Type.Integer(),
      objectName: Type.String(),
      deviceId: Type.String(),
      tariffId: Nullable(Type.Integer()),
      tariffName: Nullable(Type.String()),
      days: Type.Integer(),
      net: Type.String(),
      vat: Type.String({ description: 'round(net × VAT / 100) half-up, once per line' }),
      gross: Type.String(),
    }),
  ),
  totals: Type.Object({ net: Type.String(), vat: Type.String(), gross: Type.String() }),
});

export const RevenueQuery = Type.Object(
  {
    partnerId: Type.Optional({
      ...Id,
      description: "The partner; the caller's own partner (or the platform) by default",
    }),
    from: Type.Optional({
      ...DateString,
      description: 'First day (inclusive); the first day of this month by default',
    }),
    to: Type.Optional({ ...DateString, description: 'Last day (inclusive); today by default' }),
  },
  { additionalProperties: false },
);
export type RevenueQuery = Static<typeof RevenueQuery>;

export const RevenueResponse = Type.Object({
  from: Type.String(),
  to: Type.String(),
  items: Type.Array(
    Type.Object({
      currency: Type.String(),
      revenue: Type.String({
        description: 'Charged to its contracts and sub-partners, and written off from them',
      }),
      cost: Type.String({ description: 'Charged to it and written off from it by its parent' }),
      margin: Type.String({ description: 'revenue - cost' }),
    }),
  ),
});

export const ExchangeRateQuery = Type.Object(
  {
    baseCurrency: Type.Optional(CurrencyCode),
    quoteCurrency: Type.Optional(CurrencyCode),
    ...pagingQuery({ defaultPageSize: EXCHANGE_RATES_PAGE_SIZE }),
  },
  { additionalProperties: false },
);
export type ExchangeRateQuery = Static<typeof ExchangeRateQuery>;

export const ExchangeRateCreate = Type.Object(
  {
    baseCurrency: CurrencyCode,
    quoteCurrency: CurrencyCode,
    validFrom: DateString,
    rate: { ...DecimalString, description: '1 base = rate quote; greater than zero, at most 8 decimals' },
  },
  { additionalProperties: false },
);
export type ExchangeRateCreate = Static<typeof ExchangeRateCreate>;

export const ExchangeRate = Type.Object({
  id: Type.Integer(),
  baseCurrency: Type.String(),
  quoteCurrency: Type.String(),
  validFrom: Type.String(),
  rate: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});

export const ExchangeRateList = Type.Object({ items: Type.Array(ExchangeRate), total: Type.Integer() });
