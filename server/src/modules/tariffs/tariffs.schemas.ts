import { Type, type Static } from 'typebox';
import {
  CurrencyCode,
  DateString,
  DecimalString,
  Id,
  Nullable,
  PageQuery,
  VersionNumber,
} from '../../lib/schemas.js';
const TariffPeriod = Type.Enum(['month', 'day'], {
  description: 'month: charged daily, prorated; day: as is',
});

export const TariffCreate = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    currency: CurrencyCode,
    period: TariffPeriod,
    price: DecimalString,
    ownerPartnerId: Type.Optional(Nullable(Id)),
    effectiveFrom: Type.Optional(DateString),
  },
  { additionalProperties: false },
);
export type TariffCreate = Static<typeof TariffCreate>;

export const TariffUpdate = Type.Object(
  {
    version: VersionNumber,
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    price: Type.Optional(DecimalString),
    effectiveFrom: Type.Optional(DateString),
  },
  { additionalProperties: false },
);
export type TariffUpdate = Static<typeof TariffUpdate>;

export const TariffQuery = Type.Object(
  {
    search: Type.Optional(Type.String({ maxLength: 200 })),
    currency: Type.Optional(CurrencyCode),
    ownerPartnerId: Type.Optional(Id),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type TariffQuery = Static<typeof TariffQuery>;

export const TariffChoicesQuery = Type.Object(
  {
    purpose: Type.Enum(['price', 'partnerPrice'], {
      description: "price: the partner's own Price; partnerPrice: what its parent charges it",
    }),
    partnerId: Type.Optional(Id),
    parentId: Type.Optional(Id),
    currencies: Type.Optional(Type.String({ maxLength: 200, description: 'Comma-separated ISO 4217 codes' })),
  },
  { additionalProperties: false },
);
export type TariffChoicesQuery = Static<typeof TariffChoicesQuery>;

const TariffVersion = Type.Object({
  id: Id,
  price: Type.String(),
  effectiveFrom: Type.String({ format: 'date' }),
});

const tariffProperties = {
  id: Type.Integer(),
  name: Type.String(),
  currency: Type.String(),
  period: TariffPeriod,
  price: Nullable(Type.String()),
  priceEffectiveFrom: Nullable(Type.String()),
  ownerPartnerId: Nullable(Type.Integer()),
  ownerPartnerName: Nullable(Type.String()),
  ownedByAncestor: Type.Boolean({
    description: "Owned by a parent partner up the caller's tree (not named)",
  }),
  versions: Type.Array(TariffVersion, { description: 'Its dated prices, the earliest first' }),
  version: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  archivedAt: Nullable(Type.String({ format: 'date-time' })),
};

/** A tariff as the lists answer it. */
export const TariffResponse = Type.Object(tariffProperties);

/** One tariff (GET, and the answer to a change): the list's fields and how early a new price may start. */
export const TariffDetailResponse = Type.Object({
  ...tariffProperties,
  billedThrough: Nullable(
    Type.String({
      format: 'date',
      description:
        'The last day charged at this tariff, at any level; null when never billed, or when the caller may not ' +
        'change the tariff. A new price starts today or later, or on an earlier day after this one',
    }),
  ),
});

export const TariffList = Type.Object({ items: Type.Array(TariffResponse), total: Type.Integer() });

export const TariffPriceParams = Type.Object({ id: Id, priceId: Id });
export type TariffPriceParams = Static<typeof TariffPriceParams>;
