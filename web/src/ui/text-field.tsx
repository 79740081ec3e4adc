import { Input, type InputProps } from 'antd';
import { FormField, type FormFieldProps } from './form-field';

type TextFieldProps = Omit<FormFieldProps, 'children' | 'valuePropName'> &
  Pick<
    InputProps,
    'type' | 'maxLength' | 'placeholder' | 'inputMode' | 'autoComplete' | 'suffix' | 'disabled'
  >;

/** A text field of a column form: FormField with a one-line input. */
export function TextField({
  type,
  maxLength,
  placeholder,
  inputMode,
  autoComplete,
  suffix,
  disabled,
  ...field
}: TextFieldProps) {
  return (
    <FormField {...field}>
      <Input
        type={type}
        maxLength={maxLength}
        placeholder={placeholder}
        inputMode={inputMode}
        autoComplete={autoComplete}
        suffix={suffix}
        // Not "false": a read-only window disables every field it holds (antd's disabled context).
        disabled={disabled || undefined}
      />
    </FormField>
  );
}
