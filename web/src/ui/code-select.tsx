import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ControlledSelectProps } from './controlled-select';

type CodeSelectProps<Code extends string> = ControlledSelectProps<Code> & {
  /** The codes offered, in their order. */
  codes: readonly Code[];
  /** Where their names are in the translations: `<textsKey>.<code>`. */
  textsKey: string;
};

/** A choice among a few fixed codes (a password policy, a user type), each by its name in the person's language. */
export function CodeSelect<Code extends string>({ codes, textsKey, ...props }: CodeSelectProps<Code>) {
  const { t } = useTranslation();
  const options = codes.map((code) => ({ value: code, label: t(`${textsKey}.${code}`) }));
  return <Select {...props} options={options} />;
}
