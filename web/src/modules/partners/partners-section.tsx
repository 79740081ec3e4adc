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
import { filterParamOf, partnerColumnKeys, partnerColumns } from './partner-columns';
import { PartnerWindow } from './partner-window';
import { usePartnerList, type PartnerListQuery } from './partners-api';

const initialQuery: PartnerListQuery = { page: 1, pageSize: 50, sort: 'id', order: 'asc', filters: {} };

/** The Partners section: the list served page by page by the API, its toolbar and the partner window. */
export function PartnersSection() {
  const { t } = useTranslation();
  const can = useCan();
  const paged = usePagedList(initialQuery, { defaultSort: 'id', filterParamOf });
  const [hidden, setHidden] = useHiddenColumns('fleetdesk.partners.hiddenColumns', partnerColumnKeys);
  const recordWindow = useRecordWindow(t('partner.saved'));
  const list = usePartnerList(paged.query);
  const columns = partnerColumns(t, paged.query);

  return (
    <SectionPage name="partners">
      <ListToolbar
        list={paged}
        onAdd={can('partners:write') ? recordWindow.openNew : undefined}
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
        onOpen={recordWindow.open}
        totalText={(total) => t('list.total', { total })}
        scrollX={1100}
      />
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
