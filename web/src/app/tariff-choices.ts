import { useQuery } from '@tanstack/react-query';
import { apiGet, queryString } from './api-client';
import type { Page, Tariff } from './api-types';
import { tariffKeys } from './query-keys';

export interface TariffChoicesOptions {
  /** price: the partner's own Price list; partnerPrice: what its parent charges it. */
  purpose: 'price' | 'partnerPrice';
  partnerId: number | null;
  /** A partner not saved yet is offered its parent's choices. */
  parentId: number | null;
  currencies: string[];
}

/** The tariffs a partner may put in a price list (and so sell to its contracts), in given currencies. */
export const useTariffChoices = (options: TariffChoicesOptions) =>
  useQuery({
    queryKey: tariffKeys.choices(options),
    queryFn: () =>
      apiGet<Page<Tariff>>(
        `/tariffs/choices${queryString({
          purpose: options.purpose,
          partnerId: options.partnerId,
          parentId: options.partnerId === null ? options.parentId : undefined,
          currencies: options.currencies.join(','),
        })}`,
      ),
    // A tariff made in another tab ("Create a tariff" in an empty select) is offered on coming back.
    refetchOnWindowFocus: true,
  });

/** A tariff as a choice reads: "Standard — 500.00 RUB". */
export const tariffChoiceLabel = (tariff: Pick<Tariff, 'name' | 'price' | 'currency'>) =>
  `${tariff.name} — ${tariff.price ?? '—'} ${tariff.currency}`;
