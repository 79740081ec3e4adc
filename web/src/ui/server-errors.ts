import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { ApiError } from '../app/api-client';

/** A form field's name: one name, or the path of a field inside an object value. */
export type FieldName = string | (string | number)[];

export interface ServerErrorsOptions {
  /** The form whose fields show the errors that name them; without one, the alert tells everything. */
  form?: FormInstance;
  /** The form field showing an API field's error; undefined where the form does not show that field. */
  fieldOf?: (apiField: string) => FieldName | undefined;
  /** The alert's text when the server could not be reached; by default the app's own. */
  networkError?: string;
}

export interface ServerErrorsShown {
  /** What the alert tells; null when the fields say it all. */
  problem: string | null;
  /**
   * The record changed on the server meanwhile (version_conflict). Absent when the server was not
   * reached: that says nothing of the record's version.
   */
  stale?: boolean;
}

/** `fieldOf` for a form whose fields are named as the API's: those of `names` are shown. */
export const fieldsNamed =
  (names: readonly string[]) =>
  (apiField: string): string | undefined =>
    names.includes(apiField) ? apiField : undefined;

/**
 * The one rule for a refused request (application/problem+json): each field error goes under the form
 * field it names, which the form marks aria-invalid and points aria-describedby at; the rest, or a
 * refusal that names no field shown, is told in the alert after the refusal's title. Errors the fields
 * show are not repeated in the alert.
 */
export function showServerErrors(
  t: TFunction,
  error: unknown,
  { form, fieldOf, networkError }: ServerErrorsOptions = {},
): ServerErrorsShown {
  if (!(error instanceof ApiError)) return { problem: networkError ?? t('common.networkError') };
  const onFields = new Map<string, { name: FieldName; errors: string[] }>();
  const elsewhere: string[] = [];
  for (const entry of error.errors) {
    const name = form && fieldOf?.(entry.field);
    if (name === undefined) {
      elsewhere.push(entry.message);
      continue;
    }
    // Two errors of one field are both shown under it.
    const key = JSON.stringify(name);
    const field = onFields.get(key) ?? { name, errors: [] };
    field.errors.push(entry.message);
    onFields.set(key, field);
  }
  form?.setFields([...onFields.values()]);
  return {
    problem: elsewhere.length || !onFields.size ? [error.title, ...elsewhere].join(' ') : null,
    stale: error.code === 'version_conflict',
  };
}
