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

/** A legal form: a country's own, or a generic one (country null) offered in every country. */
export interface OrganizationType extends Named {
  country: string | null;
  kind: 'legal' | 'individual';
}

/** Reference books change with a release, not while the page is open: read once. */
const forever = { staleTime: Infinity, gcTime: Infinity };

/** A reference book's entries; read once per page load. */
const useReferenceBook = <Entry>(queryKey: readonly unknown[], path: string) =>
  useQuery({ queryKey, queryFn: () => apiGet<{ items: Entry[] }>(path), ...forever });

/** The regions, with the countries they belong to (named in both languages). */
export const useRegions = () =>
  useQuery({
    queryKey: referenceKeys.regions(),
    queryFn: () => apiGet<{ items: Region[]; countries: Named[] }>('/reference/regions'),
    ...forever,
  });

export const useCurrencies = () =>
  useReferenceBook<Named>(referenceKeys.currencies(), '/reference/currencies');

export const useOrganizationTypes = (country: string | null) =>
  useReferenceBook<OrganizationType>(
    referenceKeys.organizationTypes(country),
    `/reference/organization-types${queryString({ country })}`,
  );

export const useAccountTypes = () =>
  useReferenceBook<Named>(referenceKeys.accountTypes(), '/reference/account-types');

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
