import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reference } from '../../app/api-types';
import { useCan } from '../../app/session';
import { ListToolbar } from '../../ui/list-toolbar';
import { PagedTable } from '../../ui/paged-table';
import { PartnerSelect } from '../../ui/partner-select';
import { usePagedList } from '../../ui/use-paged-list';
import { useRecordWindow } from '../../ui/use-record-window';
import { staffColumnKeys, staffColumns } from './staff-columns';
import { useRightsCatalogue, useStaffList, type StaffListQuery } from './staff-api';
import { StaffWindow } from './staff-window';

interface StaffListProps {
  /** Only this partner's admin-panel users; Add presets it (the partner window's Staff tab). */
  partner?: Reference;
  /** Shorter pages and no Partner column inside a window. */
  compact?: boolean;
}

/**
 * The admin-panel users of the caller's subtree (staff, and administrators shown read-only), served
 * page by page by the API, its toolbar with a partner filter, and the staff window.
 */
export function StaffList({ partner, compact = false }: StaffListProps) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const initialQuery: StaffListQuery = {
    page: 1,
    pageSize: compact ? 20 : 50,
    sort: 'login',
    order: 'asc',
    partnerId: partner?.id,
  };
  const paged = usePagedList(initialQuery, { defaultSort: 'login' });
  const [filterPartner, setFilterPartner] = useState<Reference | null>(null);
  const recordWindow = useRecordWindow(t('staffUser.saved'));
  const list = useStaffList(paged.query);
  const catalogue = useRightsCatalogue();
  const columns = staffColumns(t, paged.query, {
    language: i18n.language,
    allRights: catalogue.data?.rights ?? [],
  });
  const shownColumns = staffColumnKeys.filter((key) => !(compact && key === 'partner'));

  return (
    <>
      <ListToolbar
        list={{
          ...paged,
          clear: () => {
            setFilterPartner(null);
            paged.clear();
          },
        }}
        onAdd={can('staff:write') ? recordWindow.openNew : undefined}
        afterExport={
          partner === undefined && (
            <PartnerSelect
              aria-label={t('staffList.partnerFilter')}
              placeholder={t('staffList.partnerFilter')}
              style={{ width: 240 }}
              partnerId={null}
              current={filterPartner}
              value={filterPartner?.id ?? null}
              onChange={(id: number | null, option) => {
                const label = (option as { label?: string } | undefined)?.label;
                setFilterPartner(id === null || id === undefined ? null : { id, name: label ?? '' });
                paged.setParams({ partnerId: id ?? undefined });
              }}
            />
          )
        }
        searchLabel={t('staffList.search')}
        searchWidth={280}
      />
      <PagedTable
        list={paged}
        page={list.data}
        loading={list.isFetching}
        aria-label={t('staffList.listLabel')}
        columns={shownColumns.map((key) => columns[key])}
        linkColumn="login"
        rowName={(row) => row.login}
        onOpen={recordWindow.open}
        totalText={(total) => t('staffList.total', { count: total })}
        size={compact ? 'small' : 'middle'}
      />
      {recordWindow.isOpen && (
        <StaffWindow
          key={recordWindow.key}
          staffId={recordWindow.recordId}
          presetPartner={partner ?? null}
          onClose={recordWindow.close}
          onSaved={recordWindow.saved}
        />
      )}
    </>
  );
}
