export type TariffPeriod = 'month' | 'day';

export interface TariffVersion {
  price: string;
  effectiveFrom: string;
}

/** A tariff as the API returns it (GET /tariffs/:id and the list's rows). Prices are decimal strings. */
export interface Tariff {
  id: number;
  name: string;
  currency: string;
  period: TariffPeriod;
  /** The price in force today (null before the first version starts). */
  price: string | null;
  priceEffectiveFrom: string | null;
  ownerPartnerId: number | null;
  ownerPartnerName: string | null;
  /** Owned by a parent partner up the caller's tree (not named). */
  ownedByAncestor: boolean;
  versions: TariffVersion[];
  version: number;
  createdAt: string;
  archivedAt: string | null;
}

/** The values of the tariff form, named as the API's fields. */
export interface TariffFormValues {
  name: string;
  currency?: string | null;
  period?: TariffPeriod;
  price?: string;
}

export interface NewPriceValues {
  price: string;
  effectiveFrom: string;
}
