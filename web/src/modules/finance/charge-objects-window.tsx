import { Button, Modal, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../../ui/format-day';
import { useChargeObjects } from './finance-api';
import type { ChargeObject, Transfer } from './finance-types';

interface ChargeObjectsWindowProps {
  charge: Transfer;
  /** Opens the correction of one object's day; absent where the caller may not correct. */
  onCorrect?: (object: ChargeObject) => void;
  onClose: () => void;
}

/**
 * The objects behind one charge of a billing day: the ledger keeps a day's charges per level, payer,
 * payee and tariff, each summing its object-days; this window lists them, each at the charge's amount
 * per object-day, and lets a person refund one object's day.
 */
export function ChargeObjectsWindow({ charge, onCorrect, onClose }: ChargeObjectsWindowProps) {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const objects = useChargeObjects(charge.id, page);
  const column = (key: string) => t(`finance.chargeObjects.columns.${key}`);

  return (
    <Modal
      open
      title={t('finance.chargeObjects.title', {
        day: charge.chargeDay ? formatDay(charge.chargeDay, i18n.language) : '',
        count: charge.quantity ?? 0,
        amount: `${charge.unitAmount} ${charge.currency}`,
      })}
      width={900}
      onCancel={onClose}
      destroyOnHidden
      footer={<Button onClick={onClose}>{t('finance.chargeObjects.close')}</Button>}
    >
      <Table<ChargeObject>
        rowKey="objectId"
        size="small"
        aria-label={t('finance.chargeObjects.listLabel')}
        loading={objects.isFetching}
        dataSource={objects.data?.items ?? []}
        columns={[
          { key: 'object', title: column('object'), dataIndex: 'objectName' },
          { key: 'deviceId', title: column('deviceId'), dataIndex: 'deviceId', width: 170 },
          { key: 'contract', title: column('contract'), dataIndex: 'contractName' },
          {
            key: 'amount',
            title: column('amount'),
            align: 'right',
            width: 130,
            render: (_value, row) => `${row.amount} ${charge.currency}`,
          },
          {
            key: 'state',
            title: column('state'),
            width: 150,
            render: (_value, row) =>
              row.reversed ? (
                <Tag>{t('finance.reversed')}</Tag>
              ) : (
                onCorrect && (
                  <Button size="small" onClick={() => onCorrect(row)}>
                    {t('finance.correction.button')}
                  </Button>
                )
              ),
          },
        ]}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: objects.data?.total ?? 0,
          showTotal: (total) => t('finance.chargeObjects.total', { count: total }),
        }}
        onChange={(pagination) =>
          setPage({ page: pagination.current ?? 1, pageSize: pagination.pageSize ?? page.pageSize })
        }
      />
    </Modal>
  );
}
