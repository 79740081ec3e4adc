import { Alert, Button } from 'antd';

interface ProblemAlertProps {
  problem: string | null;
  /** The record changed on the server meanwhile: the alert says so and offers Reload. */
  stale?: boolean;
  staleText?: string;
  reloadText?: string;
  onReload?: () => void;
}

/** What stopped the last save or action, announced to screen readers as it appears. */
export function ProblemAlert({ problem, stale = false, staleText, reloadText, onReload }: ProblemAlertProps) {
  if (!problem) return null;
  return (
    <Alert
      role="alert"
      type="error"
      showIcon
      message={stale ? staleText : problem}
      action={stale ? <Button onClick={onReload}>{reloadText}</Button> : undefined}
      style={{ marginBottom: 12 }}
    />
  );
}
