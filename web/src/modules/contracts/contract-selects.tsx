import { Select, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAccountTypes, useCurrencies, useTariffChoices } from '../partners/reference-api';

type ControlledSelect<T> = Pick<SelectProps<T>, 'id' | 'value' | 'onChange' | 'disabled'> & {
  'aria-invalid'?: boolean | 'true' | 'false';
  'aria-describedby'?: string;
};

const nameIn = (language: string, entry: { nameEn: string; nameRu: string }) =>
  language === 'ru' ? entry.nameRu : entry.nameEn;
const searchByLabel = { showSearch: true, optionFilterProp: 'label' } as const;

/** The contract's currency: one of its partner's Currency and Additional currencies. */
export function ContractCurrencySelect(
  props: ControlledSelect<string | null> & { currencies: string[]; loading: boolean },
) {
  const { i18n } = useTranslation();
  const { currencies, loading, ...selectProps } = props;
  const names = useCurrencies();
  const options = currencies.map((code) => {
    const named = names.data?.items.find((entry) => entry.code === code);
    return { value: code, label: named ? `${code} — ${nameIn(i18n.language, named)}` : code };
  });
  // A stored currency the partner no longer offers is still shown, so the form never hides a value.
  const value = selectProps.value;
  if (value && !currencies.includes(value)) options.push({ value, label: value });
  return <Select {...selectProps} {...searchByLabel} loading={loading} options={options} />;
}

/** The tariffs the contract's partner may sell (its Price list), in the contract's currency. */
export function ContractTariffSelect(
  props: ControlledSelect<number | null> & {
    partnerId: number | null;
    currency: string | null;
    current: { id: number; name: string } | null;
  },
) {
  const { partnerId, currency, current, ...selectProps } = props;
  const choices = useTariffChoices({
    purpose: 'price',
    partnerId,
    parentId: null,
    currencies: currency ? [currency] : [],
  });
  const usable = partnerId !== null && currency !== null;
  const options = (usable ? (choices.data?.items ?? []) : []).map((tariff) => ({
    value: tariff.id,
    label: `${tariff.name} — ${tariff.price ?? '—'} ${tariff.currency}`,
  }));
  if (current && selectProps.value === current.id && !options.some((option) => option.value === current.id)) {
    options.unshift({ value: current.id, label: current.name });
  }
  return (
    <Select
      {...selectProps}
      {...searchByLabel}
      allowClear
      loading={usable && choices.isLoading}
      options={options}
    />
  );
}

/** Prepayment, Postpayment, Postpayment (light): the reference API's names. */
export function AccountTypeSelect(props: ControlledSelect<string>) {
  const { i18n } = useTranslation();
  const accountTypes = useAccountTypes();
  const options = (accountTypes.data?.items ?? []).map((type) => ({
    value: type.code,
    label: nameIn(i18n.language, type),
  }));
  return <Select {...props} loading={accountTypes.isLoading} options={options} />;
}

/** The policy for the contract's portal users; inherit takes the partner's "Password for Users". */
export function UserPasswordPolicySelect(props: ControlledSelect<string>) {
  const { t } = useTranslation();
  const options = (['inherit', 'simple', 'complex'] as const).map((policy) => ({
    value: policy,
    label: t(`contract.passwordPolicy.${policy}`),
  }));
  return <Select {...props} options={options} />;
}
