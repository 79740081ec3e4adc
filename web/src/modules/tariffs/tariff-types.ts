import type { TariffDetailResponse } from '@server-schemas/tariffs/tariffs.schemas';
import type { Static } from 'typebox';
import type { Tariff } from '../../app/api-types';

export type { Tariff };
export type TariffPeriod = Tariff['period'];
/** A dated price: in force from its day until the next version's. */
export type TariffVersion = Tariff['versions'][number];
/** GET /tariffs/:id (and a change's answer): the tariff and the last day billed at it. */
export type TariffDetail = Static<typeof TariffDetailResponse>;

/** The values of the tariff form, named as the API's fields. */
export interface TariffFormValues {
  name: string;
  currency?: string | null;
  period?: TariffPeriod;
  price?: string;
  /** The first price's day (a new tariff only): any day, nothing was billed at it yet. */
  effectiveFrom?: string | null;
}

export interface NewPriceValues {
  price: string;
  effectiveFrom: string;
}
