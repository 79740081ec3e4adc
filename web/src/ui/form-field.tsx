import { Col, Form, type FormItemProps } from 'antd';
import type { ReactNode } from 'react';

export interface FormFieldProps extends Pick<
  FormItemProps,
  | 'label'
  | 'name'
  | 'rules'
  | 'required'
  | 'extra'
  | 'tooltip'
  | 'htmlFor'
  | 'valuePropName'
  | 'dependencies'
  | 'getValueProps'
  | 'normalize'
> {
  /** The column's width in the form's 24-column grid. */
  span: number;
  offset?: number;
  /** The input; the form hands it its id, value and change handler. */
  children: ReactNode;
}

/** A labelled field of a form laid out in columns: its label, its rules and messages, and its input. */
export function FormField({ span, offset, children, ...item }: FormFieldProps) {
  return (
    <Col span={span} offset={offset}>
      <Form.Item {...item}>{children}</Form.Item>
    </Col>
  );
}
