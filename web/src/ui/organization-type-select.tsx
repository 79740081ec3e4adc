import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOrganizationTypes, useRegions, type OrganizationType } from '../app/reference-queries';
import { searchByLabel, type ControlledSelectProps } from './controlled-select';
import { localizedName } from './localized-name';

/**
 * An organisation type of the country (LLC, individual entrepreneur, …): the country's own forms, then
 * the generic ones they do not stand for, each legal form once. Without a country every form is
 * offered, a country's own named with its country ("Limited liability company (OOO) — Russia"), as
 * Russia, Belarus and Tajikistan share that name. A value the list does not hold (a generic form
 * chosen before the country's own was offered) is still shown by its name.
 */
export function OrganizationTypeSelect(
  props: ControlledSelectProps<string | null> & { country: string | null },
) {
  const { i18n } = useTranslation();
  const { country, ...selectProps } = props;
  const types = useOrganizationTypes(country);
  // Every form, read once and kept: the names of a value outside the country's list.
  const allTypes = useOrganizationTypes(null);
  const countries = new Map((useRegions().data?.countries ?? []).map((entry) => [entry.code, entry]));
  const label = (type: OrganizationType) => {
    const name = localizedName(i18n.language, type);
    const own = country === null && type.country ? countries.get(type.country) : undefined;
    return own ? `${name} — ${localizedName(i18n.language, own)}` : name;
  };
  const offered: OrganizationType[] = types.data?.items ?? [];
  const value = selectProps.value;
  const kept =
    value && !offered.some((type) => type.code === value)
      ? (allTypes.data?.items ?? []).filter((type) => type.code === value)
      : [];
  const options = [...offered, ...kept].map((type) => ({ value: type.code, label: label(type) }));
  return (
    <Select {...selectProps} {...searchByLabel} allowClear loading={types.isLoading} options={options} />
  );
}
