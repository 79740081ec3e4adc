import { useQuery } from '@tanstack/react-query';
import { apiGet, queryString } from './api-client';
import { referenceKeys } from './query-keys';

/* The reference books' answers (GET /reference/…); their schemas are written inline in the server's routes. */

/** A reference-book entry named in both languages (a currency, an account or organisation type). */
export interface Named {
  code: string;
  nameEn: string;
  nameRu: string;
}

export interface Region extends Named {
  country: string;
}

/** Reference books change with a release, not while the page is open: read once. */
const forever = { staleTime: Infinity, gcTime: Infinity };

export const useRegions = () =>
  useQuery({
    queryKey: referenceKeys.regions(),
    queryFn: () => apiGet<{ items: Region[] }>('/reference/regions'),
    ...forever,
  });

export const useCurrencies = () =>
  useQuery({
    queryKey: referenceKeys.currencies(),
    queryFn: () => apiGet<{ items: Named[] }>('/reference/currencies'),
    ...forever,
  });

export const useOrganizationTypes = (country: string | null) =>
  useQuery({
    queryKey: referenceKeys.organizationTypes(country),
    queryFn: () => apiGet<{ items: Named[] }>(`/reference/organization-types${queryString({ country })}`),
    ...forever,
  });

export const useAccountTypes = () =>
  useQuery({
    queryKey: referenceKeys.accountTypes(),
    queryFn: () => apiGet<{ items: Named[] }>('/reference/account-types'),
    ...forever,
  });

/** The VAT rate in force today in a country, to propose on the form. */
export const useVatRateInForce = (country: string | null) =>
  useQuery({
    queryKey: referenceKeys.vatRate(country),
    queryFn: () =>
      apiGet<{ inForce: { ratePercent: string | null } | null }>(
        `/reference/vat-rates${queryString({ country })}`,
      ),
    enabled: country !== null,
  });
