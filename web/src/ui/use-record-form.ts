import type { FormInstance } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api-client';

interface RecordFormOptions {
  /** The tab that holds the form: shown when the server finds fault with what was sent. */
  formTab: string;
  /** The form's field for a field the API names (default: the same name). */
  formFieldOf?: (apiField: string) => string;
  /**
   * The fields shown in the form, which can carry their own error; by default every field the form
   * holds. An error on any other field is told in the window's alert.
   */
  formFields?: () => Iterable<string>;
  /** Puts the record as it is now on the server into the form (Reload, after someone else's change). */
  reloadRecord: () => Promise<void>;
}

/**
 * A record window's state around its form: the active tab, the problem told above the tabs, whether
 * the record changed on the server meanwhile, and the server's field errors put on their fields (the
 * form marks them aria-invalid and points aria-describedby at the message).
 */
export function useRecordForm<Values>(form: FormInstance<Values>, options: RecordFormOptions) {
  const { formTab, formFieldOf = (field: string) => field, formFields, reloadRecord } = options;
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const [activeTab, setActiveTab] = useState(formTab);

  const showServerErrors = (error: unknown) => {
    if (!(error instanceof ApiError)) {
      setProblem(t('common.networkError'));
      return;
    }
    setStale(error.code === 'version_conflict');
    const onFormFields = new Set(formFields?.() ?? Object.keys(form.getFieldsValue(true) as object));
    const isOnForm = (field: string) => onFormFields.has(formFieldOf(field));
    const onForm = error.errors.filter((entry) => isOnForm(entry.field));
    const elsewhere = error.errors.filter((entry) => !isOnForm(entry.field));
    form.setFields(
      onForm.map((entry) => ({ name: formFieldOf(entry.field) as never, errors: [entry.message] })),
    );
    // Errors the fields show need no repeating; the rest (or a refusal without fields) is told above.
    setProblem(
      elsewhere.length || !onForm.length
        ? [error.title, ...elsewhere.map((entry) => entry.message)].join(' ')
        : null,
    );
    setActiveTab(formTab);
  };

  return {
    problem,
    stale,
    activeTab,
    setActiveTab,
    showServerErrors,
    /** Before an action: the last one's problem no longer stands. */
    clearProblem: () => setProblem(null),
    /** Before saving: neither the last problem nor the stale version stands. */
    startSaving: () => {
      setProblem(null);
      setStale(false);
    },
    reload: async () => {
      await reloadRecord();
      setStale(false);
      setProblem(null);
    },
  };
}

export type RecordFormState = ReturnType<typeof useRecordForm>;
