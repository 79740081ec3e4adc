import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAccountTypes } from '../app/reference-queries';
import type { ControlledSelectProps } from './controlled-select';
import { localizedName } from './localized-name';

/** Prepayment, Postpayment, Postpayment (light): the reference API's names. */
export function AccountTypeSelect(props: ControlledSelectProps<string>) {
  const { i18n } = useTranslation();
  const accountTypes = useAccountTypes();
  const options = (accountTypes.data?.items ?? []).map((type) => ({
    value: type.code,
    label: localizedName(i18n.language, type),
  }));
  return <Select {...props} loading={accountTypes.isLoading} options={options} />;
}
