import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOrganizationTypes } from '../app/reference-queries';
import { searchByLabel, type ControlledSelectProps } from './controlled-select';
import { localizedName } from './localized-name';

/** An organisation type of the country (LLC, individual entrepreneur, …); all of them without one. */
export function OrganizationTypeSelect(
  props: ControlledSelectProps<string | null> & { country: string | null },
) {
  const { i18n } = useTranslation();
  const { country, ...selectProps } = props;
  const types = useOrganizationTypes(country);
  const options = (types.data?.items ?? []).map((type) => ({
    value: type.code,
    label: localizedName(i18n.language, type),
  }));
  return (
    <Select {...selectProps} {...searchByLabel} allowClear loading={types.isLoading} options={options} />
  );
}
