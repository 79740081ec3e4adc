import { apiRequest } from '../../app/api-client';
import type { Tariff } from '../../app/api-types';
import { tariffKeys } from '../../app/query-keys';
import { recordApi, type SaveRequest } from '../../app/record-api';
import { useRecord, useRecordList } from '../../app/record-queries';
import { useInvalidatingMutation } from '../../app/use-invalidating-mutation';
import type { NewPriceValues, TariffDetail, TariffFormValues } from './tariff-types';

export interface TariffListQuery {
  page: number;
  pageSize: number;
  search?: string;
  currency?: string;
}

const tariffsApi = recordApi<TariffDetail, Tariff>('/tariffs', tariffKeys);

/* A tariff's name and price show in the tariff choices of the partner and contract forms too. */
const changedByTariffs = [tariffKeys.all];

export const useTariffList = (query: TariffListQuery) => useRecordList(tariffsApi, query);

export const useTariff = (id: number | null) => useRecord(tariffsApi, id);

/** Adds a tariff, or renames one (its currency and period never change, its price by a new version). */
export const useSaveTariff = () =>
  useInvalidatingMutation(
    (request: SaveRequest<TariffFormValues>) => tariffsApi.save(request),
    changedByTariffs,
  );

/** A new dated price version; the versions before it never change. */
export const useAddTariffPrice = () =>
  useInvalidatingMutation(
    ({ id, values, version }: { id: number; values: NewPriceValues; version: number }) =>
      tariffsApi.save({ id, values, version }),
    changedByTariffs,
  );

/** Deletes a scheduled price (one that starts after today); the server refuses one that has started. */
export const useDeleteTariffPrice = () =>
  useInvalidatingMutation(
    ({ tariffId, priceId }: { tariffId: number; priceId: number }) =>
      apiRequest<TariffDetail>('DELETE', `/tariffs/${tariffId}/prices/${priceId}`),
    changedByTariffs,
  );
