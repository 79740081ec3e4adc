import { useQuery } from '@tanstack/react-query';
import { apiGet, queryString } from '../../app/api-client';

export interface Region {
  code: string;
  country: string;
  nameEn: string;
  nameRu: string;
}
export interface Named {
  code: string;
  nameEn: string;
  nameRu: string;
}
export interface TariffChoice {
  id: number;
  name: string;
  currency: string;
  period: 'month' | 'day';
  price: string | null;
}

const forever = { staleTime: Infinity, gcTime: Infinity };

export const useRegions = () =>
  useQuery({
    queryKey: ['reference', 'regions'],
    queryFn: () => apiGet<{ items: Region[] }>('/reference/regions'),
    ...forever,
  });

export const useCurrencies = () =>
  useQuery({
    queryKey: ['reference', 'currencies'],
    queryFn: () => apiGet<{ items: Named[] }>('/reference/currencies'),
    ...forever,
  });

export const useOrganizationTypes = (country: string | null) =>
  useQuery({
    queryKey: ['reference', 'organization-types', country],
    queryFn: () => apiGet<{ items: Named[] }>(`/reference/organization-types${queryString({ country })}`),
    ...forever,
  });

export const useAccountTypes = () =>
  useQuery({
    queryKey: ['reference', 'account-types'],
    queryFn: () => apiGet<{ items: Named[] }>('/reference/account-types'),
    ...forever,
  });

/** The VAT rate in force today in a country, to propose on the form. */
export const useVatRateInForce = (country: string | null) =>
  useQuery({
    queryKey: ['reference', 'vat', country],
    queryFn: () =>
      apiGet<{ inForce: { ratePercent: string | null } | null }>(
        `/reference/vat-rates${queryString({ country })}`,
      ),
    enabled: country !== null,
  });

export const useTariffChoices = (options: {
  purpose: 'price' | 'partnerPrice';
  partnerId: number | null;
  parentId: number | null;
  currencies: string[];
}) =>
  useQuery({
    queryKey: ['tariffs', 'choices', options],
    queryFn: () =>
      apiGet<{ items: TariffChoice[] }>(
        `/tariffs/choices${queryString({
          purpose: options.purpose,
          partnerId: options.partnerId,
          parentId: options.partnerId === null ? options.parentId : undefined,
          currencies: options.currencies.join(','),
        })}`,
      ),
  });
