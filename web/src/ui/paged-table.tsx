import { Table, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { ReactNode } from 'react';
import type { PagedList } from './use-paged-list';
import { useRovingHeader } from './use-roving-header';
import { tableScrollWidth, wrapLongWords } from './table-width';

interface PagedTableProps<Row extends { id: number }> {
  list: Pick<PagedList, 'query' | 'onTableChange'>;
  /** The current page as the API answered it (the previous one while the next loads). */
  page: { items: Row[]; total: number } | undefined;
  loading: boolean;
  columns: ColumnType<Row>[];
  /** The row's accessible name (its record's name or login). */
  rowName: (row: Row) => string;
  /** Double-click or Enter on a row, or a click on its name, opens its record. */
  onOpen: (id: number) => void;
  /** The column whose cell is the record's name, a link that opens it (default `name`). */
  linkColumn?: string;
  /**
   * Enter opens the record only when pressed on the row itself, not on a control inside it (where
   * the list's rows hold some).
   */
  enterOnRowOnly?: boolean;
  totalText: (total: number) => string;
  pageSizeOptions?: number[];
  size?: 'small' | 'middle';
  'aria-label'?: string;
}

/** A server-paged, server-sorted table whose rows are records opened in their window. */
export function PagedTable<Row extends { id: number }>(props: PagedTableProps<Row>) {
  const { list, page, loading, rowName, onOpen, enterOnRowOnly = false, totalText } = props;
  const linkColumn = props.linkColumn ?? 'name';
  const header = useRovingHeader<HTMLDivElement>();
  // The name opens the record with one click, as a link does; the row's other cells keep their controls.
  const columns = props.columns.map((column) =>
    column.key === linkColumn || column.dataIndex === linkColumn
      ? {
          ...column,
          render: (value: unknown, row: Row, index: number) => (
            <Typography.Link
              href={`#${row.id}`}
              // The row is the tab stop (Enter opens it); the link is for the pointer.
              tabIndex={-1}
              onClick={(event) => {
                event.preventDefault();
                event.stopPropagation();
                onOpen(row.id);
              }}
            >
              {column.render
                ? (column.render(value, row, index) as ReactNode)
                : typeof value === 'string' || typeof value === 'number'
                  ? value
                  : null}
            </Typography.Link>
          ),
        }
      : column,
  );
  return (
    // The header's sort and filter controls are one tab stop, moved between with the arrow keys.
    <div ref={header}>
      <Table<Row>
        rowKey="id"
        size={props.size ?? 'middle'}
        aria-label={props['aria-label']}
        loading={loading}
        dataSource={page?.items ?? []}
        columns={columns.map(wrapLongWords)}
        // Summed from the shown columns: the default ones fit the screen, the ones a person adds scroll.
        scroll={{ x: tableScrollWidth(columns) }}
        pagination={{
          current: list.query.page,
          pageSize: list.query.pageSize,
          total: page?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: props.pageSizeOptions ?? [20, 50, 100, 200],
          showTotal: totalText,
        }}
        onChange={(pagination, filters, sorter) =>
          list.onTableChange(pagination, filters, sorter as Parameters<PagedList['onTableChange']>[2])
        }
        onRow={(row) => ({
          tabIndex: 0,
          'aria-label': rowName(row),
          onDoubleClick: () => onOpen(row.id),
          onKeyDown: (event) => {
            if (event.key === 'Enter' && (!enterOnRowOnly || event.target === event.currentTarget))
              onOpen(row.id);
          },
          style: { cursor: 'pointer' },
        })}
      />
    </div>
  );
}
