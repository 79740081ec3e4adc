import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session';
import { ListToolbar } from '../../ui/list-toolbar';
import { PagedTable } from '../../ui/paged-table';
import { usePagedList } from '../../ui/use-paged-list';
import { useRecordWindow } from '../../ui/use-record-window';
import { userColumnKeys, userColumns } from './user-columns';
import { UserWindow } from './user-window';
import { useUserList, type UserListQuery } from './users-api';

interface UsersListProps {
  /** Only this partner's users (the partner window's tab). */
  partnerId?: number;
  /** Only this contract's users (the contract window's tab). */
  contractId?: number;
  /** Shorter pages and fewer columns inside a window. */
  compact?: boolean;
}

/** The portal users list served page by page by the API, its toolbar and the user window. */
export function UsersList({ partnerId, contractId, compact = false }: UsersListProps) {
  const { t } = useTranslation();
  const can = useCan();
  const initialQuery: UserListQuery = {
    page: 1,
    pageSize: compact ? 20 : 50,
    sort: 'login',
    order: 'asc',
    partnerId: contractId === undefined ? partnerId : undefined,
    contractId,
  };
  const paged = usePagedList(initialQuery, { defaultSort: 'login' });
  const recordWindow = useRecordWindow(t('user.saved'));
  const list = useUserList(paged.query);
  const columns = userColumns(t, paged.query);
  const shownColumns = userColumnKeys.filter(
    (key) => !(compact && key === 'partner') && !(contractId !== undefined && key === 'contract'),
  );

  return (
    <>
      <ListToolbar
        list={paged}
        onAdd={can('users:write') ? recordWindow.openNew : undefined}
        searchLabel={t('users.search')}
        searchWidth={320}
      />
      <PagedTable
        list={paged}
        page={list.data}
        loading={list.isFetching}
        aria-label={t('users.listLabel')}
        columns={shownColumns.map((key) => columns[key])}
        linkColumn="login"
        rowName={(row) => row.login}
        onOpen={recordWindow.open}
        totalText={(total) => t('users.total', { count: total })}
        size={compact ? 'small' : 'middle'}
      />
      {recordWindow.isOpen && (
        <UserWindow
          userId={recordWindow.recordId}
          contractId={contractId}
          partnerId={partnerId}
          onClose={recordWindow.close}
          onSaved={recordWindow.saved}
        />
      )}
    </>
  );
}
