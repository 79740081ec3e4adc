import { MinusCircleOutlined, PlusCircleOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session';
import { ExportMenu } from '../../ui/export-menu';
import { dayInputFormats } from '../../ui/format-day';
import { tableScrollWidth, wrapLongWords } from '../../ui/table-width';
import { usePagedList } from '../../ui/use-paged-list';
import { CorrectionDialog } from './correction-dialog';
import {
  transactionsFilterOf,
  useBalance,
  useRevenue,
  useTransactions,
  type TransactionsQuery,
} from './finance-api';
import type { AccountOwner, ChargeObject, MoneyAction, Transfer } from './finance-types';
import { ChargeObjectsWindow } from './charge-objects-window';
import { MoneyDialog } from './money-dialog';
import { transactionColumnKeys, transactionColumns } from './transaction-columns';

interface FinanceTabProps {
  owner: AccountOwner;
  /**
   * Shown without Add payment, Write off and Correct: a partner administrator's own partner, whose
   * balance is its parent's business. Also without them for a user lacking finance:write.
   */
  readOnly?: boolean;
}

/**
 * The Finance tab of a contract or partner window: the account's balance (in money and in days), its
 * daily charge, the contract's blocking for debt, and the account's transfers, newest first.
 */
export function FinanceTab({ owner, readOnly: ownReadOnly = false }: FinanceTabProps) {
  const { t, i18n } = useTranslation();
  const readOnly = ownReadOnly || !useCan()('finance:write');
  const { message } = App.useApp();
  const isContract = 'contractId' in owner;
  const initialQuery: TransactionsQuery = {
    page: 1,
    pageSize: 10,
    sort: 'createdAt',
    order: 'desc',
    filters: {},
    ...transactionsFilterOf(owner),
  };
  const scope = isContract ? 'contract-finance' : 'partner-finance';
  const paged = usePagedList(initialQuery, {
    defaultSort: 'createdAt',
    filterParamOf: (key) => key,
    rememberFiltersAs: `fleetdesk.${scope}.filters`,
  });
  // Without a sorted column the newest transfer comes first.
  const query: TransactionsQuery =
    paged.query.sort === 'createdAt' ? { ...paged.query, order: 'desc' } : paged.query;
  const balance = useBalance(owner);
  // A partner's own balance is with its parent; beside it, what its contracts and sub-partners were charged.
  const revenue = useRevenue(isContract ? null : owner.partnerId);
  const transactions = useTransactions(query);
  const [dialog, setDialog] = useState<MoneyAction | null>(null);
  const [correcting, setCorrecting] = useState<{ transfer: Transfer; object?: ChargeObject } | null>(null);
  const [openCharge, setOpenCharge] = useState<Transfer | null>(null);
  const columns = transactionColumns(t, query, {
    scope,
    onCorrect: readOnly ? undefined : (transfer) => setCorrecting({ transfer }),
    onOpenCharge: setOpenCharge,
  });
  const shown = transactionColumnKeys.filter(
    (key) => !(key === 'actions' && readOnly) && !(key === 'contract' && isContract),
  );
  const account = balance.data;
  const money = (amount: string | undefined) => (account && amount ? `${amount} ${account.currency}` : '—');
  const page = transactions.data;

  return (
    <>
      <Descriptions
        size="small"
        bordered
        column={4}
        style={{ marginBottom: 16 }}
        items={[
          {
            key: 'balance',
            label: t('finance.balance'),
            children: (
              <Typography.Text
                data-testid="finance-balance"
                strong
                type={account?.balance.startsWith('-') ? 'danger' : undefined}
              >
                {balance.isError ? t('finance.notLoaded') : money(account?.balance)}
              </Typography.Text>
            ),
          },
          {
            key: 'daysLeft',
            label: t('finance.daysLeft'),
            children: (
              <span data-testid="finance-days-left">
                {account?.daysLeft === null || account === undefined
                  ? '—'
                  : t('finance.days', { count: account.daysLeft })}
              </span>
            ),
          },
          {
            key: 'dailyCharge',
            label: t('finance.dailyCharge'),
            children: <span data-testid="finance-daily-charge">{money(account?.dailyCharge)}</span>,
          },
          ...(!isContract
            ? [
                {
                  key: 'revenue',
                  label: t('finance.revenueThisMonth'),
                  children: (
                    <span data-testid="finance-revenue">
                      {revenue.data === undefined
                        ? '—'
                        : revenue.data.items.length === 0
                          ? t('finance.noRevenue')
                          : revenue.data.items.map((item) => `${item.revenue} ${item.currency}`).join(', ')}
                    </span>
                  ),
                },
              ]
            : []),
          ...(isContract
            ? [
                {
                  key: 'debtBlocked',
                  label: t('finance.debtBlocked'),
                  children: (
                    <span data-testid="finance-debt-blocked">
                      {account === undefined ? (
                        '—'
                      ) : account.debtBlocked ? (
                        <Tag color="red">{t('finance.blockedForDebt')}</Tag>
                      ) : (
                        <Tag color="green">{t('finance.notBlocked')}</Tag>
                      )}
                    </span>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Space wrap style={{ marginBottom: 16 }}>
        {!readOnly && (
          <>
            <Button type="primary" icon={<PlusCircleOutlined />} onClick={() => setDialog('payment')}>
              {t('finance.payment.button')}
            </Button>
            <Button icon={<MinusCircleOutlined />} onClick={() => setDialog('writeOff')}>
              {t('finance.writeOff.button')}
            </Button>
          </>
        )}
        <DatePicker.RangePicker
          aria-label={t('finance.valueDates')}
          format={dayInputFormats(i18n.language)}
          placeholder={[t('finance.valueDateFrom'), t('finance.valueDateTo')]}
          allowEmpty={[true, true]}
          onChange={(range) =>
            paged.setParams({
              filters: {
                ...paged.query.filters,
                from: range?.[0]?.format('YYYY-MM-DD'),
                to: range?.[1]?.format('YYYY-MM-DD'),
              },
            })
          }
        />
        <ExportMenu
          resource="finance/transactions"
          // Every transfer of the account the list's query matches, as the list sorts them.
          query={{ ...query, page: undefined, pageSize: undefined }}
        />
      </Space>
      <Table<Transfer>
        rowKey="id"
        size="small"
        aria-label={t('finance.listLabel')}
        loading={transactions.isFetching}
        dataSource={page?.items ?? []}
        columns={shown.map((key) => wrapLongWords(columns[key]))}
        scroll={{ x: tableScrollWidth(shown.map((key) => columns[key])) }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: page?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100, 200],
          showTotal: (total) =>
            page?.totalCapped
              ? t('finance.totalCapped', { count: total })
              : t('finance.total', { count: total }),
        }}
        onChange={(pagination, filters, sorter) =>
          paged.onTableChange(pagination, filters, sorter as Parameters<typeof paged.onTableChange>[2])
        }
      />
      {dialog !== null && (
        <MoneyDialog
          action={dialog}
          owner={owner}
          currency={account?.currency}
          onClose={() => setDialog(null)}
          onDone={() => {
            void message.success(t(`finance.${dialog}.done`));
            setDialog(null);
          }}
        />
      )}
      {openCharge !== null && (
        <ChargeObjectsWindow
          charge={openCharge}
          onCorrect={
            readOnly || openCharge.reversedById !== null
              ? undefined
              : (object) => setCorrecting({ transfer: openCharge, object })
          }
          onClose={() => setOpenCharge(null)}
        />
      )}
      {correcting !== null && (
        <CorrectionDialog
          transfer={correcting.transfer}
          object={correcting.object}
          onClose={() => setCorrecting(null)}
          onDone={() => {
            void message.success(t('finance.correction.done'));
            setCorrecting(null);
          }}
        />
      )}
    </>
  );
}
