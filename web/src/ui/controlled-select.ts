import type { SelectProps } from 'antd';

/** What a Form.Item hands the select it holds: its id, value, change handler and error state. */
export type ControlledSelectProps<T> = Pick<SelectProps<T>, 'id' | 'value' | 'onChange' | 'disabled'> & {
  'aria-invalid'?: boolean | 'true' | 'false';
  'aria-describedby'?: string;
};

/** A select whose options are searched by their text as it is typed. */
export const searchByLabel = { showSearch: true, optionFilterProp: 'label' } as const;
