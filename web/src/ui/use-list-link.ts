import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { PagedQuery } from './use-paged-list';

/** The list parameters a link may carry besides `open`: sorting and the list's own filters. */
const SORT_PARAMS = ['sort', 'order'] as const;

/**
 * A link into a list (the home page's): `?open=ID` opens that record's window, `sort`/`order` and the
 * filters named in `filterParams` (e.g. `?debtBlocked=true`) are where the list starts. They are read
 * once and taken off the address, so Clear filters and a reload lead back to the whole list.
 */
export function useListLink(options: {
  filterParams: readonly string[];
  onOpen: (id: number) => void;
  /** `?new=1` opens the Add window (an empty select's "Create a tariff" link). */
  onNew?: () => void;
  /** False for a list inside a window (a tab), which the page's address is not about. */
  enabled?: boolean;
}) {
  const enabled = options.enabled ?? true;
  const [params, setParams] = useSearchParams();
  const [start] = useState<Partial<PagedQuery>>(() => {
    if (!enabled) return {};
    const filters = Object.fromEntries(
      options.filterParams
        .filter((name) => params.has(name))
        .map((name) => [name, params.get(name) ?? undefined]),
    );
    const sort = params.get('sort');
    const order = params.get('order');
    return {
      ...(sort ? { sort } : {}),
      ...(order === 'asc' || order === 'desc' ? { order } : {}),
      ...(Object.keys(filters).length > 0 ? { filters } : {}),
    };
  });
  useEffect(() => {
    if (!enabled) return;
    const id = Number(params.get('open'));
    if (Number.isInteger(id) && id > 0) options.onOpen(id);
    else if (params.get('new') === '1') options.onNew?.();
    const linked = ['open', 'new', ...SORT_PARAMS, ...options.filterParams].filter((name) =>
      params.has(name),
    );
    if (linked.length === 0) return;
    const rest = new URLSearchParams(params);
    for (const name of linked) rest.delete(name);
    setParams(rest, { replace: true });
    // Read once, when the list opens.
  }, []);
  return start;
}
