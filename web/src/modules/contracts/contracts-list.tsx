import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAccountTypes } from '../../app/reference-queries';
import { useCan } from '../../app/session';
import { ColumnChooser } from '../../ui/column-chooser';
import { ExportMenu } from '../../ui/export-menu';
import { ListToolbar } from '../../ui/list-toolbar';
import { localizedName } from '../../ui/localized-name';
import { PagedTable } from '../../ui/paged-table';
import { useHiddenColumns } from '../../ui/use-hidden-columns';
import { useListLink } from '../../ui/use-list-link';
import { usePagedList } from '../../ui/use-paged-list';
import { useRecordWindow } from '../../ui/use-record-window';
import { contractColumnKeys, contractColumns, filterParamOf } from './contract-columns';
import { ContractWindow } from './contract-window';
import { useContractList, type ContractListQuery } from './contracts-api';

interface ContractsListProps {
  /** Only this partner's contracts; Add presets it (the partner window's Contracts tab). */
  partnerId?: number;
  /** Compact: fewer rows per page and no Partner column (the partner window's tab). */
  compact?: boolean;
}

/** The contracts list served page by page by the API, its toolbar and the contract window. */
export function ContractsList({ partnerId, compact = false }: ContractsListProps) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const initialQuery: ContractListQuery = {
    page: 1,
    pageSize: compact ? 10 : 50,
    sort: 'id',
    order: 'asc',
    partnerId,
    filters: {},
  };
  const recordWindow = useRecordWindow(t('contract.saved'));
  // The Contracts section opens where a link sends it (the home page's "Blocked for debt", a contract).
  const start = useListLink({ filterParams: ['debtBlocked'], onOpen: recordWindow.open, enabled: !compact });
  // The partner window's tab remembers its own filters and columns, hiding by default what the partner implies.
  const remembered = compact ? 'fleetdesk.partnerContracts' : 'fleetdesk.contracts';
  const paged = usePagedList(initialQuery, {
    defaultSort: 'id',
    filterParamOf,
    start,
    rememberFiltersAs: `${remembered}.filters`,
  });
  const [hidden, setHidden] = useHiddenColumns(
    `${remembered}.hiddenColumns`,
    contractColumnKeys,
    // Eleven columns' Russian headers alone are wider than a 1366-pixel screen; the 1C code, and in
    // the narrower window the email and phone (the contract's window shows them), wait to be chosen.
    compact ? ['partner', 'code1c', 'emailPhone'] : ['code1c'],
  );
  const list = useContractList(paged.query);
  const accountTypes = (useAccountTypes().data?.items ?? []).map((type) => ({
    value: type.code,
    label: localizedName(i18n.language, type),
  }));
  const scope = compact ? 'partner-contracts' : 'contracts';
  const columns = contractColumns(t, paged.query, { scope, accountTypes });

  return (
    <>
      <ListToolbar
        list={paged}
        onAdd={can('contracts:write') ? recordWindow.openNew : undefined}
        exportMenu={
          <ExportMenu
            resource="contracts"
            // Every row the list's query matches, not only the page shown.
            query={{ ...paged.query, page: undefined, pageSize: undefined }}
          />
        }
        searchWidth={260}
        columnChooser={
          <ColumnChooser
            keys={contractColumnKeys}
            hidden={hidden}
            onHiddenChange={setHidden}
            labelOf={(key) => t(`contracts.columns.${key}`)}
          />
        }
      />
      {paged.query.filters.debtBlocked === 'true' && (
        <Tag
          closable
          color="red"
          style={{ marginBottom: 8 }}
          onClose={() => paged.setParams({ filters: { ...paged.query.filters, debtBlocked: undefined } })}
        >
          {t('contracts.onlyDebtBlocked')}
        </Tag>
      )}
      <PagedTable
        list={paged}
        page={list.data}
        loading={list.isFetching}
        columns={contractColumnKeys.filter((key) => !hidden.includes(key)).map((key) => columns[key])}
        rowName={(row) => row.name}
        onOpen={recordWindow.open}
        enterOnRowOnly
        totalText={(total) => t('contracts.total', { count: total })}
        pageSizeOptions={compact ? [10, 20, 50] : [20, 50, 100, 200]}
        size={compact ? 'small' : 'middle'}
      />
      {recordWindow.isOpen && (
        <ContractWindow
          key={recordWindow.key}
          contractId={recordWindow.recordId}
          copyOf={recordWindow.copyOf}
          presetPartnerId={partnerId ?? null}
          onCopy={recordWindow.openCopy}
          onClose={recordWindow.close}
          onSaved={recordWindow.saved}
        />
      )}
    </>
  );
}
