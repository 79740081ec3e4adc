import type { PagedQuery } from '../ui/use-paged-list';
import { queryString } from './api-client';

/**
 * A list query as the API reads it: the column filters as parameters of their own, Show deleted only
 * when ticked. Without page and size (an export), it stands for every row the query matches. The
 * record kind's own parameters (partnerId, contractId) travel with it.
 */
export function listQueryString({ filters, ...rest }: Partial<PagedQuery> & { format?: string }) {
  return queryString({
    // The kinds' own parameters are numbers or strings, as queryString takes them.
    ...(rest as Parameters<typeof queryString>[0]),
    ...filters,
    showDeleted: rest.showDeleted || undefined,
  });
}
