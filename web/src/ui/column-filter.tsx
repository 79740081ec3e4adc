import type { ColumnType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { FilterPanel, type FilterKind } from './filter-panel';
import { FilterTrigger } from './filter-trigger';

export interface ColumnFilterOptions {
  /** The column's title, read in the filter's name ("Filter by Name"). */
  title: string;
  /** The filter's value in the list query (the table shows it as the filter's state). */
  value: string | undefined;
  /** Element ids, unique in the page: a list shown twice (a section and a window's tab) needs two. */
  triggerId: string;
  inputId: string;
  kind?: FilterKind;
  /** A list to choose from instead of a text box. */
  choices?: { value: string; label: string }[];
  triggerClassName?: string;
}

/** A column's filter: its panel, its keyboard-reachable trigger and the value the query holds. */
export function columnFilter<Row>(t: TFunction, options: ColumnFilterOptions): ColumnType<Row> {
  const { title, value, triggerId, inputId, kind = 'text', choices, triggerClassName } = options;
  const label = `${t('list.filterBy')} ${title}`;
  return {
    filterDropdown: (props) => (
      <FilterPanel
        {...props}
        triggerId={triggerId}
        inputId={inputId}
        label={label}
        kind={kind}
        options={choices}
      />
    ),
    filteredValue: value ? [value] : null,
    filterDropdownProps: {
      // The filter's box takes the focus on every opening (autoFocus serves only the first one: the
      // closed popup is kept, not rendered again).
      onOpenChange: (open) => {
        if (open) setTimeout(() => document.getElementById(inputId)?.focus(), 50);
      },
    },
    filterIcon: (active: boolean) => (
      <FilterTrigger id={triggerId} label={label} active={active} className={triggerClassName} />
    ),
  };
}
