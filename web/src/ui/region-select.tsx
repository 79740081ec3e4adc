import { Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRegions } from '../app/reference-queries';
import type { ControlledSelectProps } from './controlled-select';
import { localizedName } from './localized-name';
import { rankedSearch, type RankedOption } from './ranked-search';

/** A region of the reference book, "Name (code)"; it decides the country tax ids and phones are read in. */
export function RegionSelect(props: ControlledSelectProps<string | null>) {
  const { i18n } = useTranslation();
  const regions = useRegions();
  const countries = new Map((regions.data?.countries ?? []).map((country) => [country.code, country]));
  const options: (RankedOption & { country: string })[] = (regions.data?.items ?? []).map((region) => {
    const country = countries.get(region.country);
    return {
      value: region.code,
      label: `${localizedName(i18n.language, region)} (${region.code})`,
      code: region.code,
      texts: [region.nameEn, region.nameRu],
      country: country ? localizedName(i18n.language, country) : region.country,
    };
  });
  return (
    <Select
      {...props}
      {...rankedSearch}
      allowClear
      loading={regions.isLoading}
      options={options}
      // The country beside each region: "Moscow (RU-MOW)" and, lighter, "Russia".
      optionRender={(option) => (
        <span>
          {option.label}{' '}
          <Typography.Text type="secondary">· {(option.data as { country: string }).country}</Typography.Text>
        </span>
      )}
    />
  );
}
