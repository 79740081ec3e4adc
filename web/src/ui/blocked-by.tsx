import { Alert, Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** The partner whose block applies to a record, as the API answers it; null: none. */
export type BlockedBy = { id: number | null; name: string | null } | null;

function useBlockedByText() {
  const { t } = useTranslation();
  return (blockedBy: NonNullable<BlockedBy>) =>
    // A partner above the caller's own is not named: the caller may not see it.
    blockedBy.name === null ? t('blockedBy.parent') : t('blockedBy.partner', { name: blockedBy.name });
}

/** "Blocked by partner X" in a list's row. */
export function BlockedByTag({ blockedBy }: { blockedBy: BlockedBy }) {
  const text = useBlockedByText();
  if (!blockedBy) return null;
  // A tag keeps its text on one line; a partner's long name would widen the list past the screen.
  return (
    <Tag color="volcano" style={{ whiteSpace: 'normal', overflowWrap: 'anywhere' }}>
      {text(blockedBy)}
    </Tag>
  );
}

/** "Blocked by partner X" at the top of a record's form, with what it means. */
export function BlockedByNotice({ blockedBy, effectKey }: { blockedBy: BlockedBy; effectKey: string }) {
  const { t } = useTranslation();
  const text = useBlockedByText();
  if (!blockedBy) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      message={text(blockedBy)}
      description={t(`blockedBy.effect.${effectKey}`)}
    />
  );
}
