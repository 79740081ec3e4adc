import { Select } from 'antd';
import type { Reference } from '../../app/api-types';
import { tariffChoiceLabel, useTariffChoices } from '../../app/tariff-choices';
import { searchByLabel, type ControlledSelectProps } from '../../ui/controlled-select';

/** The tariffs the contract's partner may sell (its Price list), in the contract's currency. */
export function ContractTariffSelect(
  props: ControlledSelectProps<number | null> & {
    partnerId: number | null;
    currency: string | null;
    current: Reference | null;
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
    label: tariffChoiceLabel(tariff),
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
