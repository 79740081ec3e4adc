import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ControlledSelectProps } from '../../ui/controlled-select';

/** The policy for the contract's portal users; inherit takes the partner's "Password for Users". */
export function UserPasswordPolicySelect(props: ControlledSelectProps<string>) {
  const { t } = useTranslation();
  const options = (['inherit', 'simple', 'complex'] as const).map((policy) => ({
    value: policy,
    label: t(`contract.passwordPolicy.${policy}`),
  }));
  return <Select {...props} options={options} />;
}
