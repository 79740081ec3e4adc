import { DollarOutlined, ImportOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session';
import { ColumnChooser } from '../../ui/column-chooser';
import { ExportMenu } from '../../ui/export-menu';
import { ListToolbar } from '../../ui/list-toolbar';
import { PagedTable } from '../../ui/paged-table';
import { useHiddenColumns } from '../../ui/use-hidden-columns';
import { usePagedList } from '../../ui/use-paged-list';
import { useRecordWindow } from '../../ui/use-record-window';
import { ImportObjectsDialog } from './import-objects-dialog';
import { objectColumnKeys, objectColumns } from './object-columns';
import { ObjectWindow } from './object-window';
import { useObjectList, type ObjectListQuery } from './objects-api';
import { RepriceObjectsDialog } from './reprice-objects-dialog';

interface ObjectsListProps {
  /** Only this partner's objects (the partner window's tab). */
  partnerId?: number;
  /** Only this contract's objects (the contract window's tab). */
  contractId?: number;
  /** Shorter pages and no Partner column inside a window. */
  compact?: boolean;
}

/** The objects list served page by page by the API, its toolbar, and the windows it opens. */
export function ObjectsList({ partnerId, contractId, compact = false }: ObjectsListProps) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const canWrite = useCan()('objects:write');
  const initialQuery: ObjectListQuery = {
    page: 1,
    pageSize: compact ? 20 : 50,
    sort: 'id',
    order: 'asc',
    // A contract's list needs no partner filter: the contract belongs to one partner.
    partnerId: contractId === undefined ? partnerId : undefined,
    contractId,
  };
  const paged = usePagedList(initialQuery, { defaultSort: 'id' });
  const recordWindow = useRecordWindow(t('object.saved'));
  const [importing, setImporting] = useState(false);
  const [repricing, setRepricing] = useState(false);
  const list = useObjectList(paged.query);
  const columns = objectColumns(t, i18n.language, paged.query);
  // The columns this list may show: a window's tab leaves out what the window already says.
  const columnKeys = objectColumnKeys.filter(
    (key) => !(compact && key === 'partner') && !(contractId !== undefined && key === 'contract'),
  );
  // The billed days are hidden until a person chooses them; a window's tab remembers its own choice.
  const [hidden, setHidden] = useHiddenColumns(
    compact ? 'fleetdesk.recordObjects.hiddenColumns' : 'fleetdesk.objects.hiddenColumns',
    objectColumnKeys,
    ['activeFrom', 'activeUntil'],
  );
  const shownColumns = columnKeys.filter((key) => !hidden.includes(key));

  return (
    <>
      <ListToolbar
        list={paged}
        onAdd={canWrite ? recordWindow.openNew : undefined}
        afterAdd={
          canWrite && (
            <Button icon={<ImportOutlined />} onClick={() => setImporting(true)}>
              {t('objects.importButton')}
            </Button>
          )
        }
        exportMenu={
          <ExportMenu
            resource="objects"
            // Every row the list's query matches, not only the page shown.
            query={{ ...paged.query, page: undefined, pageSize: undefined }}
          />
        }
        afterExport={
          canWrite &&
          (partnerId !== undefined || contractId !== undefined) && (
            <Button icon={<DollarOutlined />} onClick={() => setRepricing(true)}>
              {t('objects.reprice.button')}
            </Button>
          )
        }
        searchLabel={t('objects.search')}
        searchWidth={320}
        columnChooser={
          <ColumnChooser
            keys={columnKeys}
            hidden={hidden}
            onHiddenChange={(next) =>
              // Columns this list does not offer keep their saved state for the lists that do.
              setHidden([...hidden.filter((key) => !columnKeys.includes(key)), ...next])
            }
            labelOf={(key) => t(`objects.columns.${key}`)}
          />
        }
      />
      <PagedTable
        list={paged}
        page={list.data}
        loading={list.isFetching}
        aria-label={t('objects.listLabel')}
        columns={shownColumns.map((key) => columns[key])}
        rowName={(row) => row.name}
        onOpen={recordWindow.open}
        totalText={(total) => t('objects.total', { count: total })}
        size={compact ? 'small' : 'middle'}
      />
      {recordWindow.isOpen && (
        <ObjectWindow
          objectId={recordWindow.recordId}
          contractId={contractId}
          partnerId={partnerId}
          onClose={recordWindow.close}
          onSaved={recordWindow.saved}
        />
      )}
      {importing && (
        <ImportObjectsDialog
          contractId={contractId}
          partnerId={partnerId}
          onClose={() => setImporting(false)}
        />
      )}
      {repricing && (
        <RepriceObjectsDialog
          partnerId={partnerId}
          contractId={contractId}
          onClose={() => setRepricing(false)}
          onDone={(count) => {
            setRepricing(false);
            void message.success(t('objects.reprice.done', { count }));
          }}
        />
      )}
    </>
  );
}
