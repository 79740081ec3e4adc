import { PlusOutlined } from '@ant-design/icons';
import { Button, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Tariff, TariffVersion } from './tariff-types';

interface TariffVersionsTabProps {
  tariff: Tariff;
  readOnly: boolean;
  onNewPrice: () => void;
}

/** A tariff's dated prices, newest first: the one in force today and those scheduled after it. */
export function TariffVersionsTab({ tariff, readOnly, onNewPrice }: TariffVersionsTabProps) {
  const { t } = useTranslation();
  const today = dayjs().format('YYYY-MM-DD');
  const versions = [...tariff.versions].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
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
      <Table<TariffVersion>
        rowKey="effectiveFrom"
        size="small"
        aria-label={t('tariff.tabs.versions')}
        dataSource={versions}
        pagination={versions.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        columns={[
          {
            key: 'price',
            title: t('tariff.fields.price'),
            align: 'right',
            render: (_value, row) => `${row.price} ${tariff.currency}`,
          },
          { key: 'effectiveFrom', title: t('tariff.fields.effectiveFrom'), dataIndex: 'effectiveFrom' },
          {
            key: 'state',
            title: t('tariff.versionState'),
            render: (_value, row) =>
              row.effectiveFrom === tariff.priceEffectiveFrom ? (
                <Tag color="green">{t('tariff.inForce')}</Tag>
              ) : row.effectiveFrom > today ? (
                <Tag color="blue">{t('tariff.scheduled')}</Tag>
              ) : (
                <Typography.Text type="secondary">{t('tariff.past')}</Typography.Text>
              ),
          },
        ]}
      />
    </>
  );
}
