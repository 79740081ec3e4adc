import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showServerErrors, type ServerErrorsOptions } from './server-errors';

/**
 * A form's or dialog's state around the server's refusals: the problem its alert tells and whether the
 * record changed on the server meanwhile. `show` applies the one rule of `showServerErrors`.
 */
export function useServerErrors(options: ServerErrorsOptions = {}) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  return {
    problem,
    stale,
    show: (error: unknown) => {
      const shown = showServerErrors(t, error, options);
      setProblem(shown.problem);
      if (shown.stale !== undefined) setStale(shown.stale);
    },
    /** Before an action: the last one's problem no longer stands. */
    clearProblem: () => setProblem(null),
    /** Before sending again: neither the last problem nor the stale version stands. */
    clear: () => {
      setProblem(null);
      setStale(false);
    },
  };
}

export type ServerErrorsState = ReturnType<typeof useServerErrors>;
