import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Reference } from '../../app/api-types';
import { tariffChoiceLabel, useTariffChoices } from '../../app/tariff-choices';
import { searchByLabel, type ControlledSelectProps } from '../../ui/controlled-select';
import { NoTariffs } from '../../ui/no-tariffs';

/** The tariffs the contract's partner may sell (its Price list), in the contract's currency. */
export function ContractTariffSelect(
  props: ControlledSelectProps<number | null> & {
    partnerId: number | null;
    currency: string | null;
    current: Reference | null;
    /** The tariff the contract's objects get while none is chosen here (the server's inheritedTariff). */
    inherited: string | null;
  },
) {
  const { t } = useTranslation();
  const { partnerId, currency, current, inherited, ...selectProps } = props;
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
      placeholder={inherited ? t('contract.tariffFromPartner', { name: inherited }) : undefined}
      notFoundContent={<NoTariffs />}
    />
  );
}
