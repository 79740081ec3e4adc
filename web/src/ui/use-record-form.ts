import type { FormInstance } from 'antd';
import { useState } from 'react';
import { ApiError } from '../app/api-client';
import { useServerErrors } from './use-server-errors';

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
 * the record changed on the server meanwhile, and the server's field errors put on their fields.
 */
export function useRecordForm<Values>(form: FormInstance<Values>, options: RecordFormOptions) {
  const { formTab, formFieldOf = (field: string) => field, formFields, reloadRecord } = options;
  const [activeTab, setActiveTab] = useState(formTab);
  const serverErrors = useServerErrors({
    form,
    fieldOf: (apiField) => {
      const shown = new Set(formFields?.() ?? Object.keys(form.getFieldsValue(true) as object));
      const field = formFieldOf(apiField);
      return shown.has(field) ? field : undefined;
    },
  });

  return {
    formTab,
    problem: serverErrors.problem,
    stale: serverErrors.stale,
    activeTab,
    setActiveTab,
    showServerErrors: (error: unknown) => {
      serverErrors.show(error);
      // The fields at fault are on the form's tab.
      if (error instanceof ApiError) setActiveTab(formTab);
    },
    /** Whether the person changed a field since the form was filled (`fillForm`): closing then asks first. */
    isChanged: () => form.isFieldsTouched(),
    /** Before an action: the last one's problem no longer stands. */
    clearProblem: serverErrors.clearProblem,
    /** Before saving: neither the last problem nor the stale version stands. */
    startSaving: serverErrors.clear,
    reload: async () => {
      await reloadRecord();
      serverErrors.clear();
    },
  };
}

export type RecordFormState = ReturnType<typeof useRecordForm>;
