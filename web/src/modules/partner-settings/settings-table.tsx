import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, Table, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { formatMoment } from '../../ui/format-moment';
import { description } from './catalogue-texts';
import { settingSummary } from './setting-summary';
import type { PartnerSetting, SettingDefinition } from './settings-types';

interface SettingsTableProps {
  items: PartnerSetting[];
  loading: boolean;
  definitionOf: (key: string) => SettingDefinition | undefined;
  /** A setting's name in the person's language (its key when the catalogue does not know it). */
  labelOf: (key: string) => string;
  deleting: boolean;
  /** Without settings:write: no Edit and Delete. */
  readOnly: boolean;
  onEdit: (setting: PartnerSetting) => void;
  onDelete: (setting: PartnerSetting) => void;
}

/** The partner's settings: each with its description, its value in one line, when it changed, Edit and Delete. */
export function SettingsTable({
  items,
  loading,
  definitionOf,
  labelOf,
  deleting,
  readOnly,
  onEdit,
  onDelete,
}: SettingsTableProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const actionsColumn: ColumnType<PartnerSetting> = {
    title: t('settings.columns.actions'),
    key: 'actions',
    width: 220,
    render: (_: unknown, setting) => {
      const name = labelOf(setting.key);
      return (
        <Space>
          <Button
            size="small"
            icon={<EditOutlined />}
            aria-label={t('settings.editNamed', { name })}
            disabled={!definitionOf(setting.key)}
            onClick={() => onEdit(setting)}
          >
            {t('settings.edit')}
          </Button>
          <Popconfirm
            title={t('settings.deleteConfirm', { name })}
            okText={t('settings.delete')}
            cancelText={t('settings.cancel')}
            okButtonProps={{ danger: true, loading: deleting }}
            onConfirm={() => onDelete(setting)}
          >
            <Button
              size="small"
              danger
              icon={<DeleteOutlined />}
              aria-label={t('settings.deleteNamed', { name })}
            >
              {t('settings.delete')}
            </Button>
          </Popconfirm>
        </Space>
      );
    },
  };
  return (
    <Table<PartnerSetting>
      rowKey="key"
      size="small"
      loading={loading}
      dataSource={items}
      pagination={false}
      locale={{ emptyText: t('settings.empty') }}
      columns={[
        {
          title: t('settings.columns.setting'),
          dataIndex: 'key',
          width: '30%',
          render: (key: string) => {
            const definition = definitionOf(key);
            return (
              <>
                <div>{labelOf(key)}</div>
                {definition && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {description(language, definition)}
                  </Typography.Text>
                )}
              </>
            );
          },
        },
        {
          title: t('settings.columns.value'),
          key: 'value',
          render: (_: unknown, setting) => {
            const definition = definitionOf(setting.key);
            return (
              <span style={{ wordBreak: 'break-word' }}>
                {definition ? settingSummary(definition, setting, t, language) : '—'}
              </span>
            );
          },
        },
        {
          title: t('settings.columns.updatedAt'),
          dataIndex: 'updatedAt',
          width: 170,
          render: (at: string) => formatMoment(at, language),
        },
        ...(readOnly ? [] : [actionsColumn]),
      ]}
    />
  );
}
