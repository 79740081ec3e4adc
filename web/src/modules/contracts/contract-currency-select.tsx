import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCurrencies } from '../../app/reference-queries';
import { searchByLabel, type ControlledSelectProps } from '../../ui/controlled-select';
import { localizedName } from '../../ui/localized-name';

/** The contract's currency: one of its partner's Currency and Additional currencies. */
export function ContractCurrencySelect(
  props: ControlledSelectProps<string | null> & { currencies: string[]; loading: boolean },
) {
  const { i18n } = useTranslation();
  const { currencies, loading, ...selectProps } = props;
  const names = useCurrencies();
  const options = currencies.map((code) => {
    const named = names.data?.items.find((entry) => entry.code === code);
    return { value: code, label: named ? `${code} — ${localizedName(i18n.language, named)}` : code };
  });
  // A stored currency the partner no longer offers is still shown, so the form never hides a value.
  const value = selectProps.value;
  if (value && !currencies.includes(value)) options.push({ value, label: value });
  return <Select {...selectProps} {...searchByLabel} loading={loading} options={options} />;
}
