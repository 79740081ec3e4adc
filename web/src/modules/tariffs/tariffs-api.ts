import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiRequest, queryString } from '../../app/api-client';
import type { Page } from '../partners/partner-types';
import type { NewPriceValues, Tariff, TariffFormValues } from './tariff-types';

export interface TariffListQuery {
  page: number;
  pageSize: number;
  search?: string;
  currency?: string;
}

export function useTariffList(query: TariffListQuery) {
  return useQuery({
    queryKey: ['tariffs', 'list', query],
    queryFn: () => apiGet<Page<Tariff>>(`/tariffs${queryString({ ...query })}`),
    placeholderData: keepPreviousData,
  });
}

export function useTariff(id: number | null) {
  return useQuery({
    queryKey: ['tariffs', 'one', id],
    queryFn: () => apiGet<Tariff>(`/tariffs/${id}`),
    enabled: id !== null,
  });
}

/* A tariff's name and price show in the tariff choices of the partner and contract forms too. */
function useInvalidateTariffs() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['tariffs'] });
}

export function useSaveTariff() {
  const invalidate = useInvalidateTariffs();
  return useMutation({
    mutationFn: ({
      id,
      values,
      version,
    }: {
      id: number | null;
      values: TariffFormValues;
      version?: number;
    }) =>
      id === null
        ? apiRequest<Tariff>('POST', '/tariffs', values)
        : apiRequest<Tariff>('PATCH', `/tariffs/${id}`, { name: values.name, version }),
    onSuccess: invalidate,
  });
}

/** A new dated price version; the versions before it never change. */
export function useAddTariffPrice() {
  const invalidate = useInvalidateTariffs();
  return useMutation({
    mutationFn: ({ id, values, version }: { id: number; values: NewPriceValues; version: number }) =>
      apiRequest<Tariff>('PATCH', `/tariffs/${id}`, { ...values, version }),
    onSuccess: invalidate,
  });
}
