import { LockOutlined } from '@ant-design/icons';

/**
 * A field shown but not changeable here, for a reason the person is told (a dealer's own partner: the
 * fields only its parent partner sets): disabled, and its label marked with a lock whose tooltip and
 * accessible name give the reason. No reason: an ordinary field.
 */
export function lockedField(reason: string | null) {
  if (reason === null) return {};
  return {
    disabled: true,
    tooltip: { title: reason, icon: <LockOutlined aria-label={reason} role="img" /> },
  } as const;
}
