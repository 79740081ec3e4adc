import { Button, Space, Switch, Table, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCan, type Right } from '../../app/session';
import type { PresetName, RightsCatalogue } from './staff-types';

interface RightsEditorProps {
  id?: string;
  value?: string[];
  onChange?: (rights: string[]) => void;
  catalogue: RightsCatalogue | undefined;
}

const presetNames: readonly PresetName[] = ['readOnly', 'finance', 'support', 'administrator'];

/**
 * A staff user's rights: the presets, then a switch per area for Read and for Write. Write turns Read
 * on, Read off turns Write off (write implies read, as the server keeps it). Nobody grants a right it
 * does not hold: those switches, and a preset holding any of them, are disabled.
 */
export function RightsEditor({ id, value = [], onChange, catalogue }: RightsEditorProps) {
  const { t } = useTranslation();
  const can = useCan();
  const order = catalogue?.rights ?? [];
  const areas = [...new Set(order.map((right) => right.slice(0, right.indexOf(':'))))];
  const held = (right: string) => can(right as Right);
  // The list sent is always in the catalogue's order, each write with its read.
  const set = (next: Set<string>) => onChange?.(order.filter((right) => next.has(right)));
  const toggle = (area: string, access: 'read' | 'write', on: boolean) => {
    const next = new Set(value);
    if (on) {
      next.add(`${area}:${access}`);
      next.add(`${area}:read`);
    } else {
      next.delete(`${area}:${access}`);
      if (access === 'read') next.delete(`${area}:write`);
    }
    set(next);
  };

  const switchOf = (area: string, access: 'read' | 'write') => {
    const right = `${area}:${access}`;
    const label = t('staffUser.rightSwitch', {
      area: t(`staffUser.areas.${area}`, { defaultValue: area }),
      access: t(`staffUser.access.${access}`),
    });
    const control = (
      <Switch
        size="small"
        aria-label={label}
        checked={value.includes(right)}
        // Not "false": a read-only window disables every field it holds.
        disabled={!held(right) || undefined}
        onChange={(on) => toggle(area, access, on)}
      />
    );
    return held(right) ? control : <Tooltip title={t('staffUser.rightNotHeld')}>{control}</Tooltip>;
  };

  return (
    <div id={id} role="group" aria-label={t('staffUser.fields.rights')}>
      <Space wrap role="group" aria-label={t('staffUser.presets.label')} style={{ marginBottom: 8 }}>
        {presetNames.map((name) => {
          const preset = catalogue?.presets[name] ?? [];
          const grantable = preset.every(held);
          return (
            <Button
              key={name}
              size="small"
              disabled={!grantable || undefined}
              title={grantable ? undefined : t('staffUser.presets.cannotGrant')}
              onClick={() => set(new Set(preset))}
            >
              {t(`staffUser.presets.${name}`)}
            </Button>
          );
        })}
      </Space>
      <Table<{ area: string }>
        size="small"
        aria-label={t('staffUser.rightsTable')}
        rowKey="area"
        pagination={false}
        loading={catalogue === undefined}
        dataSource={areas.map((area) => ({ area }))}
        columns={[
          {
            title: t('staffUser.access.area'),
            dataIndex: 'area',
            render: (area: string) => t(`staffUser.areas.${area}`, { defaultValue: area }),
          },
          {
            title: t('staffUser.access.read'),
            key: 'read',
            width: 100,
            render: (_value, row) => switchOf(row.area, 'read'),
          },
          {
            title: t('staffUser.access.write'),
            key: 'write',
            width: 100,
            render: (_value, row) => switchOf(row.area, 'write'),
          },
        ]}
      />
    </div>
  );
}
