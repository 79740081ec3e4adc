import { Table } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { PagedList } from './use-paged-list';

interface PagedTableProps<Row extends { id: number }> {
  list: Pick<PagedList, 'query' | 'onTableChange'>;
  /** The current page as the API answered it (the previous one while the next loads). */
  page: { items: Row[]; total: number } | undefined;
  loading: boolean;
  columns: ColumnType<Row>[];
  /** The row's accessible name (its record's name or login). */
  rowName: (row: Row) => string;
  /** Double-click or Enter on a row opens its record. */
  onOpen: (id: number) => void;
  /**
   * Enter opens the record only when pressed on the row itself, not on a control inside it (where
   * the list's rows hold some).
   */
  enterOnRowOnly?: boolean;
  totalText: (total: number) => string;
  pageSizeOptions?: number[];
  size?: 'small' | 'middle';
  scrollX: number;
  'aria-label'?: string;
}

/** A server-paged, server-sorted table whose rows are records opened in their window. */
export function PagedTable<Row extends { id: number }>(props: PagedTableProps<Row>) {
  const { list, page, loading, columns, rowName, onOpen, enterOnRowOnly = false, totalText } = props;
  return (
    <Table<Row>
      rowKey="id"
      size={props.size ?? 'middle'}
      aria-label={props['aria-label']}
      loading={loading}
      dataSource={page?.items ?? []}
      columns={columns}
      scroll={{ x: props.scrollX }}
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
  );
}
