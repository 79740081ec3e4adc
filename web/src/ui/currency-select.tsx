import { Select, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCurrencies } from '../app/reference-queries';
import type { ControlledSelectProps } from './controlled-select';
import { localizedName } from './localized-name';
import { rankedSearch, type RankedOption } from './ranked-search';

/** A currency of the reference book, "RUB — Russian ruble"; several of them with mode multiple. */
export function CurrencySelect(props: ControlledSelectProps<string> & { mode?: 'multiple' }) {
  const { i18n } = useTranslation();
  const currencies = useCurrencies();
  const options: RankedOption[] = (currencies.data?.items ?? []).map((currency) => ({
    value: currency.code,
    label: `${currency.code} — ${localizedName(i18n.language, currency)}`,
    code: currency.code,
    texts: [currency.nameEn, currency.nameRu],
  }));
  return (
    <Select
      {...(props as SelectProps)}
      {...rankedSearch}
      allowClear
      loading={currencies.isLoading}
      options={options}
    />
  );
}
