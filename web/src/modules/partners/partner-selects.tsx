import { Select, type SelectProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParentChoices } from './partners-api';
import {
  useCurrencies,
  useOrganizationTypes,
  useRegions,
  useTariffChoices,
  type Named,
} from './reference-api';

type ControlledSelect<T> = Pick<SelectProps<T>, 'id' | 'value' | 'onChange' | 'disabled'> & {
  'aria-invalid'?: boolean | 'true' | 'false';
  'aria-describedby'?: string;
};

const nameIn = (language: string, entry: { nameEn: string; nameRu: string }) =>
  language === 'ru' ? entry.nameRu : entry.nameEn;
const searchByLabel = { showSearch: true, optionFilterProp: 'label' } as const;

export function RegionSelect(props: ControlledSelect<string | null>) {
  const { i18n } = useTranslation();
  const regions = useRegions();
  const options = (regions.data?.items ?? []).map((region) => ({
    value: region.code,
    label: `${nameIn(i18n.language, region)} (${region.code})`,
  }));
  return <Select {...props} {...searchByLabel} allowClear loading={regions.isLoading} options={options} />;
}

export function CurrencySelect(props: ControlledSelect<string> & { mode?: 'multiple' }) {
  const { i18n } = useTranslation();
  const currencies = useCurrencies();
  const options = (currencies.data?.items ?? []).map((currency: Named) => ({
    value: currency.code,
    label: `${currency.code} — ${nameIn(i18n.language, currency)}`,
  }));
  return (
    <Select
      {...(props as SelectProps)}
      {...searchByLabel}
      allowClear
      loading={currencies.isLoading}
      options={options}
    />
  );
}

export function OrganizationTypeSelect(props: ControlledSelect<string | null> & { country: string | null }) {
  const { i18n } = useTranslation();
  const { country, ...selectProps } = props;
  const types = useOrganizationTypes(country);
  const options = (types.data?.items ?? []).map((type) => ({
    value: type.code,
    label: nameIn(i18n.language, type),
  }));
  return (
    <Select {...selectProps} {...searchByLabel} allowClear loading={types.isLoading} options={options} />
  );
}

export function TariffSelect(
  props: ControlledSelect<number | null> & {
    purpose: 'price' | 'partnerPrice';
    partnerId: number | null;
    parentId: number | null;
    currencies: string[];
  },
) {
  const { purpose, partnerId, parentId, currencies, ...selectProps } = props;
  const choices = useTariffChoices({ purpose, partnerId, parentId, currencies });
  const options = (choices.data?.items ?? []).map((tariff) => ({
    value: tariff.id,
    label: `${tariff.name} — ${tariff.price ?? '—'} ${tariff.currency}`,
  }));
  return (
    <Select {...selectProps} {...searchByLabel} allowClear loading={choices.isLoading} options={options} />
  );
}

/**
 * The parent partner: searched on the server within the caller's subtree; never the partner itself
 * nor one of its sub-partners.
 */
export function ParentSelect(
  props: ControlledSelect<number | null> & {
    partnerId: number | null;
    current: { id: number; name: string } | null;
  },
) {
  const { partnerId, current, ...selectProps } = props;
  const [search, setSearch] = useState('');
  const choices = useParentChoices(search, partnerId);
  const options = (choices.data?.items ?? [])
    .filter((partner) => partner.id !== partnerId)
    .map((partner) => ({ value: partner.id, label: partner.name }));
  if (current && !options.some((option) => option.value === current.id)) {
    options.unshift({ value: current.id, label: current.name });
  }
  return (
    <Select
      {...selectProps}
      showSearch
      allowClear
      filterOption={false}
      onSearch={setSearch}
      loading={choices.isFetching}
      options={options}
    />
  );
}
