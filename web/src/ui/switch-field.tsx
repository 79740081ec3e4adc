import { Switch } from 'antd';
import { FormField, type FormFieldProps } from './form-field';

type SwitchFieldProps = Omit<FormFieldProps, 'children' | 'valuePropName'> & { disabled?: boolean };

/** A yes/no field of a column form: FormField with a switch that holds the value as `checked`. */
export function SwitchField({ disabled, ...field }: SwitchFieldProps) {
  return (
    <FormField {...field} valuePropName="checked">
      {/* Not "false": a read-only window disables every field it holds (antd's disabled context). */}
      <Switch disabled={disabled || undefined} />
    </FormField>
  );
}
