import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Checkbox, Input, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PagedList } from './use-paged-list';

interface ListToolbarProps {
  list: Pick<PagedList, 'query' | 'searchText' | 'setSearchText' | 'search' | 'setShowDeleted' | 'clear'>;
  /** Add's action; without it (the user may not add) there is no Add. */
  onAdd?: () => void;
  /** Buttons right after Add (Import). */
  afterAdd?: ReactNode;
  /** The Export menu, where the list has one. */
  exportMenu?: ReactNode;
  /** Buttons right after Export (Reprice). */
  afterExport?: ReactNode;
  /** The search box's name and hint, where it says what it searches; else "Search". */
  searchLabel?: string;
  searchWidth: number;
  /** The Columns chooser, last, where the list has one. */
  columnChooser?: ReactNode;
}

/** A list's toolbar: Add, Export, Search, Show deleted, Clear filters and Columns, in that order. */
export function ListToolbar(props: ListToolbarProps) {
  const { list, onAdd, afterAdd, exportMenu, afterExport, searchWidth, columnChooser } = props;
  const { t } = useTranslation();
  const searchLabel = props.searchLabel ?? t('list.search');
  return (
    <Space wrap style={{ marginBottom: 16 }}>
      {onAdd && (
        <Button type="primary" icon={<PlusOutlined />} onClick={onAdd}>
          {t('list.add')}
        </Button>
      )}
      {afterAdd}
      {exportMenu}
      {afterExport}
      <Input.Search
        aria-label={searchLabel}
        placeholder={searchLabel}
        allowClear
        value={list.searchText}
        onChange={(event) => list.setSearchText(event.target.value)}
        onSearch={list.search}
        // The search button's icon alone gave it no name to a screen reader or a test.
        enterButton={<Button icon={<SearchOutlined />} aria-label={t('list.runSearch')} />}
        style={{ width: searchWidth }}
      />
      <Checkbox
        checked={list.query.showDeleted ?? false}
        onChange={(event) => list.setShowDeleted(event.target.checked)}
      >
        {t('list.showDeleted')}
      </Checkbox>
      <Button onClick={list.clear}>{t('list.clearFilters')}</Button>
      {columnChooser}
    </Space>
  );
}
