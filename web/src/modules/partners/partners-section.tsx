import { Flex, Segmented } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session';
import { ColumnChooser } from '../../ui/column-chooser';
import { ExportMenu } from '../../ui/export-menu';
import { ListToolbar } from '../../ui/list-toolbar';
import { PagedTable } from '../../ui/paged-table';
import { SectionPage } from '../../ui/section-page';
import { useHiddenColumns } from '../../ui/use-hidden-columns';
import { usePagedList } from '../../ui/use-paged-list';
import { useRecordWindow } from '../../ui/use-record-window';
import { useRememberedChoice } from '../../ui/use-remembered-choice';
import { filterParamOf, partnerColumnKeys, partnerColumns } from './partner-columns';
import { PartnerTree } from './partner-tree';
import { PartnerWindow } from './partner-window';
import { usePartnerList, type PartnerListQuery } from './partners-api';

const initialQuery: PartnerListQuery = { page: 1, pageSize: 50, sort: 'id', order: 'asc', filters: {} };

const views = ['table', 'tree'] as const;

interface PartnersTableProps {
  viewSwitch: ReactNode;
  onAdd?: () => void;
  onOpen: (id: number) => void;
}

/** The partners list served page by page by the API, with its toolbar. */
function PartnersTable({ viewSwitch, onAdd, onOpen }: PartnersTableProps) {
  const { t } = useTranslation();
  const paged = usePagedList(initialQuery, {
    defaultSort: 'id',
    filterParamOf,
    rememberFiltersAs: 'fleetdesk.partners.filters',
  });
  const [hidden, setHidden] = useHiddenColumns('fleetdesk.partners.hiddenColumns', partnerColumnKeys);
  const list = usePartnerList(paged.query);
  const columns = partnerColumns(t, paged.query);

  return (
    <>
      <Flex gap={8} wrap align="start">
        {viewSwitch}
        <ListToolbar
          list={paged}
          onAdd={onAdd}
          exportMenu={<ExportMenu resource="partners" query={paged.query} />}
          searchWidth={280}
          columnChooser={
            <ColumnChooser
              keys={partnerColumnKeys}
              hidden={hidden}
              onHiddenChange={setHidden}
              labelOf={(key) => t(`list.columns.${key}`)}
            />
          }
        />
      </Flex>
      <PagedTable
        list={paged}
        page={list.data}
        loading={list.isFetching}
        columns={partnerColumnKeys.filter((key) => !hidden.includes(key)).map((key) => columns[key])}
        rowName={(row) => row.name}
        onOpen={onOpen}
        totalText={(total) => t('list.total', { count: total })}
      />
    </>
  );
}

/**
 * The Partners section: the partners as a table or as a tree (the choice is remembered in this
 * browser), and the partner window either opens.
 */
export function PartnersSection() {
  const { t } = useTranslation();
  const can = useCan();
  const [view, setView] = useRememberedChoice('fleetdesk.partners.view', views, 'table');
  const recordWindow = useRecordWindow(t('partner.saved'));
  const onAdd = can('partners:write') ? recordWindow.openNew : undefined;
  const viewSwitch = (
    <Segmented
      aria-label={t('partnersView.label')}
      value={view}
      onChange={setView}
      options={views.map((value) => ({ value, label: t(`partnersView.${value}`) }))}
    />
  );

  return (
    <SectionPage name="partners">
      {view === 'table' ? (
        <PartnersTable viewSwitch={viewSwitch} onAdd={onAdd} onOpen={recordWindow.open} />
      ) : (
        <PartnerTree viewSwitch={viewSwitch} onAdd={onAdd} onOpen={recordWindow.open} />
      )}
      {recordWindow.isOpen && (
        <PartnerWindow
          partnerId={recordWindow.recordId}
          onClose={recordWindow.close}
          onSaved={recordWindow.saved}
        />
      )}
    </SectionPage>
  );
}
