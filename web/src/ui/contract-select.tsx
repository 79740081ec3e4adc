import { Select } from 'antd';
import { useState } from 'react';
import type { Reference } from '../app/api-types';
import { useContractSearch } from '../app/contract-lookups';
import type { ControlledSelectProps } from './controlled-select';

type ContractSelectProps = ControlledSelectProps<number | null> & {
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
  const choices = useContractSearch(search, partnerId);
  const options = (choices.data?.items ?? [])
    .filter((contract) => contract.id !== excludeId)
    .map((contract) => ({
      value: contract.id,
      label: partnerId === undefined ? `${contract.name} (${contract.partner.name})` : contract.name,
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
