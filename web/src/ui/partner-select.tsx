import { Select } from 'antd';
import { useState, type CSSProperties } from 'react';
import type { Reference } from '../app/api-types';
import { usePartnerSearch } from '../app/partner-lookups';
import type { ControlledSelectProps } from './controlled-select';

type PartnerSelectProps = ControlledSelectProps<number | null> & {
  /** The partner being edited (choosing its parent): neither it nor its sub-partners are offered. */
  partnerId: number | null;
  /** The partner chosen now, named even when the search does not bring it. */
  current: Reference | null;
  /** Shown while none is chosen (what "none" means: the platform, every partner). */
  placeholder?: string;
  'aria-label'?: string;
  style?: CSSProperties;
};

/** A partner searched on the server within the caller's subtree (a parent, a contract's partner). */
export function PartnerSelect({ partnerId, current, ...selectProps }: PartnerSelectProps) {
  const [search, setSearch] = useState('');
  const choices = usePartnerSearch(search, partnerId);
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
