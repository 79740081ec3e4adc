import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { ApiError } from '../../app/api-client';

/**
 * A small dialog's share of a refused request: the server's field errors under the dialog's own
 * fields; the rest (or a refusal without fields) as the text for the dialog's alert.
 */
export function dialogProblem(
  t: TFunction,
  form: FormInstance,
  error: unknown,
  fields: readonly string[],
): string | null {
  if (!(error instanceof ApiError)) return t('common.networkError');
  const known = new Set(fields);
  const onForm = error.errors.filter((entry) => known.has(entry.field));
  form.setFields(onForm.map((entry) => ({ name: entry.field, errors: [entry.message] })));
  const rest = error.errors.filter((entry) => !known.has(entry.field));
  return rest.length || !onForm.length
    ? [error.title, ...rest.map((entry) => entry.message)].join(' ')
    : null;
}
