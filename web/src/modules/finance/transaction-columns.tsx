import { Button, Space, Tag, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { columnFilter } from '../../ui/column-filter';
import { DayText } from '../../ui/day-text';
import { sortableColumn, type SortState } from '../../ui/sortable-column';
import { transferKinds, type Transfer } from './finance-types';

export const transactionColumnKeys = [
  'valueDate',
  'kind',
  'amount',
  'contract',
  'object',
  'comment',
  'login',
  'actions',
] as const;
export type TransactionColumnKey = (typeof transactionColumnKeys)[number];

interface ColumnState extends SortState {
  filters?: Record<string, string | undefined>;
}

/** An amount as it moved the account: money in green with a plus, money out in red. */
export function SignedAmount({ transfer }: { transfer: Transfer }) {
  const signed = transfer.signedAmount;
  if (signed === null) return <>{`${transfer.amount} ${transfer.currency}`}</>;
  const out = signed.startsWith('-');
  const text = out || signed.startsWith('+') ? signed : `+${signed}`;
  return (
    <Typography.Text type={out ? 'danger' : 'success'} style={{ whiteSpace: 'nowrap' }}>
      {`${text} ${transfer.currency}`}
    </Typography.Text>
  );
}

export function transactionColumns(
  t: TFunction,
  state: ColumnState,
  options: {
    scope: string;
    onCorrect?: (transfer: Transfer) => void;
    onOpenCharge: (charge: Transfer) => void;
  },
): Record<TransactionColumnKey, ColumnType<Transfer>> {
  const title = (key: string) => t(`finance.columns.${key}`);
  const orDash = (value: string | null) => value || '—';
  const kindName = (kind: string) => t(`finance.kinds.${kind}`);
  return {
    valueDate: {
      ...sortableColumn(state, 'valueDate'),
      title: title('valueDate'),
      dataIndex: 'valueDate',
      width: 110,
      render: (day: string) => <DayText day={day} />,
    },
    kind: {
      key: 'kind',
      title: title('kind'),
      width: 170,
      ...columnFilter<Transfer>(t, {
        title: title('kind'),
        value: state.filters?.kind,
        triggerId: `${options.scope}-filter-kind`,
        inputId: `${options.scope}-filter-kind-input`,
        choices: transferKinds.map((kind) => ({ value: kind, label: kindName(kind) })),
      }),
      render: (_value, row) => (
        <Space size={4} wrap>
          {kindName(row.kind)}
          {row.reversesId !== null && (
            <Typography.Text type="secondary">
              {t('finance.reverses', { id: row.reversesId })}
            </Typography.Text>
          )}
          {row.reversedById !== null && <Tag>{t('finance.reversed')}</Tag>}
        </Space>
      ),
    },
    amount: {
      ...sortableColumn(state, 'amount'),
      title: title('amount'),
      align: 'right',
      width: 140,
      render: (_value, row) => <SignedAmount transfer={row} />,
    },
    contract: {
      key: 'contract',
      title: title('contract'),
      render: (_value, row) => orDash(row.contractName),
    },
    object: {
      key: 'object',
      title: title('object'),
      render: (_value, row) => {
        // A charge sums object-days: the link opens them.
        if (row.kind === 'charge' && row.quantity !== null) {
          return (
            <Button type="link" size="small" style={{ padding: 0 }} onClick={() => options.onOpenCharge(row)}>
              {t('finance.chargeObjects.link', {
                count: row.quantity,
                amount: `${row.unitAmount} ${row.currency}`,
              })}
            </Button>
          );
        }
        if (!row.objectName) return '—';
        return row.chargeDay && row.chargeDay !== row.valueDate ? (
          <>
            {row.objectName} (<DayText day={row.chargeDay} />)
          </>
        ) : (
          row.objectName
        );
      },
    },
    comment: { key: 'comment', title: title('comment'), dataIndex: 'comment', render: orDash },
    login: { key: 'login', title: title('login'), dataIndex: 'actorLogin', render: orDash },
    actions: {
      key: 'actions',
      title: title('actions'),
      width: 110,
      render: (_value, row) =>
        options.onCorrect &&
        row.kind !== 'correction' &&
        row.reversedById === null && (
          <Button size="small" onClick={() => options.onCorrect?.(row)}>
            {t('finance.correction.button')}
          </Button>
        ),
    },
  };
}
