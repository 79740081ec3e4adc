import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRegions } from '../app/reference-queries';
import { searchByLabel, type ControlledSelectProps } from './controlled-select';
import { localizedName } from './localized-name';

/** A region of the reference book, "Name (code)"; it decides the country tax ids and phones are read in. */
export function RegionSelect(props: ControlledSelectProps<string | null>) {
  const { i18n } = useTranslation();
  const regions = useRegions();
  const options = (regions.data?.items ?? []).map((region) => ({
    value: region.code,
    label: `${localizedName(i18n.language, region)} (${region.code})`,
  }));
  return <Select {...props} {...searchByLabel} allowClear loading={regions.isLoading} options={options} />;
}
