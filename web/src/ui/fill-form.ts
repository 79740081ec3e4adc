import type { FormInstance } from 'antd';

/**
 * Puts a record's values into its form as the starting point: none of its fields counts as changed by
 * the person (antd marks fields set by `setFieldsValue` as touched), so closing asks only after a change.
 */
export function fillForm<Values>(
  form: FormInstance<Values>,
  values: Parameters<FormInstance<Values>['setFieldsValue']>[0],
) {
  form.setFieldsValue(values);
  // Every registered field by its path, nested ones included.
  const fields = form as unknown as FormInstance;
  fields.setFields(fields.getFieldsError().map(({ name }) => ({ name, touched: false })));
}
