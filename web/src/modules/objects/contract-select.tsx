import { Select, type SelectProps } from 'antd';
import { useState } from 'react';
import { useContractChoices } from './objects-api';
import type { Reference } from './object-types';

type ContractSelectProps = Pick<SelectProps<number | null>, 'id' | 'value' | 'onChange' | 'disabled'> & {
  'aria-invalid'?: boolean | 'true' | 'false';
  'aria-describedby'?: string;
  'aria-label'?: string;
  /** Only this partner's contracts. */
  partnerId?: number;
  /** The record's current contract, named even when the search does not bring it. */
  current?: Reference | null;
  /** Left out of the choices (moving an object to the contract it is in makes no sense). */
  excludeId?: number;
};

/** A contract searched on the server within the caller's subtree, named "Contract (Partner)". */
export function ContractSelect({ partnerId, current, excludeId, ...selectProps }: ContractSelectProps) {
  const [search, setSearch] = useState('');
  const choices = useContractChoices(search, partnerId);
  const options = (choices.data?.items ?? [])
    .filter((contract) => contract.id !== excludeId)
    .map((contract) => ({
      value: contract.id,
      label:
        partnerId === undefined && contract.partner
          ? `${contract.name} (${contract.partner.name})`
          : contract.name,
    }));
  if (current && current.id !== excludeId && !options.some((option) => option.value === current.id)) {
    options.unshift({ value: current.id, label: current.name });
  }
  return (
    <Select
      {...selectProps}
      showSearch
      filterOption={false}
      onSearch={setSearch}
      loading={choices.isFetching}
      options={options}
    />
  );
}
