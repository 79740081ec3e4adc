import { Select } from 'antd';
import { tariffChoiceLabel, useTariffChoices, type TariffChoicesOptions } from '../../app/tariff-choices';
import { searchByLabel, type ControlledSelectProps } from '../../ui/controlled-select';
import { NoTariffs } from '../../ui/no-tariffs';

/** A tariff of the partner's Price or Partner price list, among those offered in its currencies. */
export function PartnerTariffSelect(props: ControlledSelectProps<number | null> & TariffChoicesOptions) {
  const { purpose, partnerId, parentId, currencies, ...selectProps } = props;
  const choices = useTariffChoices({ purpose, partnerId, parentId, currencies });
  const options = (choices.data?.items ?? []).map((tariff) => ({
    value: tariff.id,
    label: tariffChoiceLabel(tariff),
  }));
  return (
    <Select
      {...selectProps}
      {...searchByLabel}
      allowClear
      loading={choices.isLoading}
      options={options}
      notFoundContent={<NoTariffs />}
    />
  );
}
