import type { Tariff } from '../../app/api-types';

export type { Tariff };
export type TariffPeriod = Tariff['period'];
/** A dated price: in force from its day until the next version's. */
export type TariffVersion = Tariff['versions'][number];

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
