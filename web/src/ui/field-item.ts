import type { FormRule } from 'antd';

/**
 * A form field's label, name and rules from its name alone (`{...item('email')}`): the label from the
 * form's texts, the rules where the form's rules hold a list under that name.
 */
export function fieldItem(label: (name: string) => string, rules: Record<string, unknown>) {
  return (name: string) => {
    const own = rules[name];
    return { label: label(name), name, rules: Array.isArray(own) ? (own as FormRule[]) : undefined };
  };
}
