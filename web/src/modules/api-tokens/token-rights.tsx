import { Switch, Table } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

/** The areas of rights, in the server's order (server/src/modules/auth/rights.ts). */
export const rightAreas = [
  'partners',
  'contracts',
  'objects',
  'users',
  'tariffs',
  'finance',
  'settings',
  'staff',
] as const;

/** The super administrator's right to send a portal user's address to POST /portal/login. */
export const PORTAL_LOGIN_RIGHT = 'portal:login';

/** A right as a person reads it: "Contracts: write". */
export function rightLabel(t: TFunction, right: string): string {
  if (right === PORTAL_LOGIN_RIGHT) return t('apiTokens.portalLogin');
  const [area, level] = right.split(':');
  if (!area || (level !== 'read' && level !== 'write')) return right;
  return `${t(`apiTokens.areas.${area}`, { defaultValue: area })}: ${t(`apiTokens.levels.${level}`)}`;
}

/** A list as the server keeps it: each write with its read. */
function withReads(rights: Set<string>): string[] {
  for (const right of [...rights]) {
    if (right.endsWith(':write')) rights.add(right.replace(':write', ':read'));
  }
  return [...rights];
}

interface TokenRightsProps {
  /** The rights the signed-in user holds: the only ones offered. */
  held: readonly string[];
  /** Given by the form item. */
  id?: string;
  value?: string[];
  onChange?: (rights: string[]) => void;
}

/**
 * The token's rights as switches, an area a row with Read and Write, offering only what the user
 * holds. Write implies read: turning Write on turns Read on, and Read cannot be turned off while Write
 * is on.
 */
export function TokenRights({ held, id, value = [], onChange }: TokenRightsProps) {
  const { t } = useTranslation();
  const chosen = new Set(value);
  const holds = (right: string) => held.includes(right);
  const set = (right: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(right);
    else next.delete(right);
    onChange?.(withReads(next));
  };
  const areas = rightAreas.filter((area) => holds(`${area}:read`));
  const rows = areas.map((area) => ({ key: area, area }));
  const switchOf = (area: string, level: 'read' | 'write') => {
    const right = `${area}:${level}`;
    if (!holds(right)) return null;
    const writeOn = level === 'read' && chosen.has(`${area}:write`);
    return (
      <Switch
        size="small"
        checked={chosen.has(right)}
        disabled={writeOn}
        aria-label={rightLabel(t, right)}
        onChange={(on) => set(right, on)}
      />
    );
  };
  return (
    <div id={id}>
      <Table
        size="small"
        pagination={false}
        dataSource={rows}
        aria-label={t('apiTokens.form.rights')}
        columns={[
          {
            title: t('apiTokens.form.area'),
            dataIndex: 'area',
            render: (area: string) => t(`apiTokens.areas.${area}`),
          },
          {
            title: t('apiTokens.levels.read'),
            key: 'read',
            width: 110,
            render: (_: unknown, row: { area: string }) => switchOf(row.area, 'read'),
          },
          {
            title: t('apiTokens.levels.write'),
            key: 'write',
            width: 110,
            render: (_: unknown, row: { area: string }) => switchOf(row.area, 'write'),
          },
        ]}
      />
      {holds(PORTAL_LOGIN_RIGHT) && (
        <div style={{ marginTop: 12 }}>
          <Switch
            size="small"
            id={id && `${id}-portal-login`}
            checked={chosen.has(PORTAL_LOGIN_RIGHT)}
            aria-label={t('apiTokens.portalLogin')}
            onChange={(on) => set(PORTAL_LOGIN_RIGHT, on)}
          />{' '}
          <label htmlFor={id && `${id}-portal-login`}>{t('apiTokens.portalLogin')}</label>
        </div>
      )}
    </div>
  );
}
