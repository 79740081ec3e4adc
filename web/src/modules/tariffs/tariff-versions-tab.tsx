import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { today } from '@server-lib/clock';
import { App, Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../../ui/format-day';
import { ProblemAlert } from '../../ui/problem-alert';
import { useServerErrors } from '../../ui/use-server-errors';
import { useDeleteTariffPrice } from './tariffs-api';
import type { Tariff, TariffVersion } from './tariff-types';

interface TariffVersionsTabProps {
  tariff: Tariff;
  readOnly: boolean;
  onNewPrice: () => void;
}

/**
 * A tariff's dated prices, newest first: the one in force today and those scheduled after it. A
 * scheduled price (starting after today) can be deleted before it starts; the others never change.
 */
export function TariffVersionsTab({ tariff, readOnly, onNewPrice }: TariffVersionsTabProps) {
  const { t, i18n } = useTranslation();
  const dayText = (effectiveFrom: string) => formatDay(effectiveFrom, i18n.language);
  const { message } = App.useApp();
  const deletePrice = useDeleteTariffPrice();
  const serverErrors = useServerErrors();
  const day = today();
  const versions = [...tariff.versions].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
  const priceText = (row: TariffVersion) => `${row.price} ${tariff.currency}`;

  const remove = (row: TariffVersion) => {
    serverErrors.clearProblem();
    deletePrice.mutate(
      { tariffId: tariff.id, priceId: row.id },
      {
        onSuccess: () =>
          void message.success(t('tariff.deletePrice.done', { day: dayText(row.effectiveFrom) })),
        onError: serverErrors.show,
      },
    );
  };

  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        {!readOnly && (
          <Button type="primary" icon={<PlusOutlined />} onClick={onNewPrice}>
            {t('tariff.newPrice.button')}
          </Button>
        )}
        <Typography.Text type="secondary">{t('tariff.versionsHint')}</Typography.Text>
      </Space>
      <ProblemAlert problem={serverErrors.problem} />
      <Table<TariffVersion>
        rowKey="id"
        size="small"
        aria-label={t('tariff.tabs.versions')}
        dataSource={versions}
        pagination={versions.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        columns={[
          {
            key: 'price',
            title: t('tariff.fields.price'),
            align: 'right',
            render: (_value, row) => priceText(row),
          },
          {
            key: 'effectiveFrom',
            title: t('tariff.fields.effectiveFrom'),
            dataIndex: 'effectiveFrom',
            render: dayText,
          },
          {
            key: 'state',
            title: t('tariff.versionState'),
            render: (_value, row) =>
              row.effectiveFrom === tariff.priceEffectiveFrom ? (
                <Tag color="green">{t('tariff.inForce')}</Tag>
              ) : row.effectiveFrom > day ? (
                <Tag color="blue">{t('tariff.scheduled')}</Tag>
              ) : (
                <Typography.Text type="secondary">{t('tariff.past')}</Typography.Text>
              ),
          },
          ...(readOnly
            ? []
            : [
                {
                  key: 'actions',
                  title: t('tariff.actions'),
                  render: (_value: unknown, row: TariffVersion) =>
                    row.effectiveFrom > day && (
                      <Popconfirm
                        title={t('tariff.deletePrice.confirm', {
                          price: priceText(row),
                          day: dayText(row.effectiveFrom),
                        })}
                        okText={t('common.yes')}
                        cancelText={t('common.no')}
                        onConfirm={() => remove(row)}
                      >
                        <Button
                          danger
                          size="small"
                          icon={<DeleteOutlined />}
                          loading={deletePrice.isPending && deletePrice.variables.priceId === row.id}
                          aria-label={t('tariff.deletePrice.label', { day: dayText(row.effectiveFrom) })}
                        >
                          {t('tariff.deletePrice.button')}
                        </Button>
                      </Popconfirm>
                    ),
                },
              ]),
        ]}
      />
    </>
  );
}
