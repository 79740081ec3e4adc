import { apiDownload, apiRequest, apiUpload, queryString } from '../../app/api-client';
import { contractKeys, objectKeys, partnerKeys } from '../../app/query-keys';
import { recordApi, type SaveRequest } from '../../app/record-api';
import { useRecord, useRecordHistory, useRecordList } from '../../app/record-queries';
import { useInvalidatingMutation } from '../../app/use-invalidating-mutation';
import type { PagedQuery } from '../../ui/use-paged-list';
import type {
  ImportReport,
  ObjectFormValues,
  RepriceAnswer,
  RepriceRequest,
  TrackedObject,
} from './object-types';

export interface ObjectListQuery extends PagedQuery {
  partnerId?: number;
  contractId?: number;
}

const objectsApi = recordApi<TrackedObject>('/objects', objectKeys);

/** Everything that shows objects or counts them is refetched after a change. */
const changedByObjects = [objectKeys.all, contractKeys.all, partnerKeys.lists()];

export const useObjectList = (query: ObjectListQuery) => useRecordList(objectsApi, query);

export const useObject = (id: number | null) => useRecord(objectsApi, id);

export const useObjectHistory = (id: number) => useRecordHistory(objectsApi, id);

export const useSaveObject = () =>
  useInvalidatingMutation(
    (request: SaveRequest<ObjectFormValues>) => objectsApi.save(request),
    changedByObjects,
  );

export const useArchiveObject = () => useInvalidatingMutation(objectsApi.archiveOrRestore, changedByObjects);

export const useMoveObject = () =>
  useInvalidatingMutation(
    ({ id, contractId }: { id: number; contractId: number }) => objectsApi.act(id, 'move', { contractId }),
    changedByObjects,
  );

export const useRepriceObjects = () =>
  useInvalidatingMutation(
    (body: RepriceRequest) => apiRequest<RepriceAnswer>('POST', '/objects/reprice', body),
    changedByObjects,
  );

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The content type the import endpoint expects for a chosen file. */
export function importContentType(file: File) {
  return file.name.toLowerCase().endsWith('.xlsx') || file.type === xlsxType ? xlsxType : 'text/csv';
}

export const useImportObjects = () =>
  useInvalidatingMutation(
    ({ file, contractId }: { file: File; contractId?: number }) =>
      apiUpload<ImportReport>(`/objects/import${queryString({ contractId })}`, file, importContentType(file)),
    changedByObjects,
  );

/** Downloads the import's sample file, in the interface's language, under the name the server gives it. */
export const downloadImportSample = (format: 'xlsx' | 'csv') =>
  apiDownload(`/objects/import/sample?format=${format}`, `objects-import-sample.${format}`);
