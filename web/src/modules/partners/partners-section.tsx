import { App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ColumnChooser } from '../../ui/column-chooser';
import { ExportMenu } from '../../ui/export-menu';
import { ListToolbar } from '../../ui/list-toolbar';
import { PagedTable } from '../../ui/paged-table';
import { SectionPage } from '../../ui/section-page';
import { useHiddenColumns } from '../../ui/use-hidden-columns';
import { usePagedList } from '../../ui/use-paged-list';
import { filterParamOf, partnerColumnKeys, partnerColumns } from './partner-columns';
import { PartnerWindow } from './partner-window';
import { usePartnerList, type PartnerListQuery } from './partners-api';

const initialQuery: PartnerListQuery = { page: 1, pageSize: 50, sort: 'id', order: 'asc', filters: {} };

/** The Partners section: the list served page by page by the API, its toolbar and the partner window. */
export function PartnersSection() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const paged = usePagedList(initialQuery, { defaultSort: 'id', filterParamOf });
  const [hidden, setHidden] = useHiddenColumns('fleetdesk.partners.hiddenColumns', partnerColumnKeys);
  const [windowFor, setWindowFor] = useState<number | 'new' | null>(null);
  const list = usePartnerList(paged.query);
  const columns = partnerColumns(t, paged.query);

  return (
    <SectionPage name="partners">
      <ListToolbar
        list={paged}
        onAdd={() => setWindowFor('new')}
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
      <PagedTable
        list={paged}
        page={list.data}
        loading={list.isFetching}
        columns={partnerColumnKeys.filter((key) => !hidden.includes(key)).map((key) => columns[key])}
        rowName={(row) => row.name}
        onOpen={setWindowFor}
        totalText={(total) => t('list.total', { total })}
        scrollX={1100}
      />
      {windowFor !== null && (
        <PartnerWindow
          partnerId={windowFor === 'new' ? null : windowFor}
          onClose={() => setWindowFor(null)}
          onSaved={() => {
            setWindowFor(null);
            void message.success(t('partner.saved'));
          }}
        />
      )}
    </SectionPage>
  );
}
