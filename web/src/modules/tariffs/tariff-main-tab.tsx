import { Form, Input, Row, Select, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCurrencies } from '../../app/reference-queries';
import { CodeSelect } from '../../ui/code-select';
import { DayPicker } from '../../ui/day-picker';
import { amountInput } from '../../ui/input-presets';
import { fieldItem } from '../../ui/field-item';
import { formatDay } from '../../ui/format-day';
import { FormField } from '../../ui/form-field';
import { localizedName } from '../../ui/localized-name';
import { TextField } from '../../ui/text-field';
import { tariffOwnerName } from './tariff-columns';
import { tariffRules } from './tariff-rules';
import type { Tariff, TariffFormValues } from './tariff-types';

interface TariffMainTabProps {
  form: FormInstance<TariffFormValues>;
  /** null: a new tariff, whose currency, period and first price are chosen here. */
  tariff: Tariff | null;
  readOnly: boolean;
  onSubmit: (values: TariffFormValues) => void;
}

/**
 * A tariff's name, currency, period and price. Once created, only the name changes here: a price
 * changes by a new dated version (Price versions), and the currency and period never. A new tariff's
 * first price may start on any day, an earlier one too: nothing was billed at it yet.
 */
export function TariffMainTab({ form, tariff, readOnly, onSubmit }: TariffMainTabProps) {
  const { t, i18n } = useTranslation();
  const currencies = useCurrencies();
  const rules = tariffRules(t, i18n.language);
  const field = (name: string) => t(`tariff.fields.${name}`);
  const isNew = tariff === null;
  const item = fieldItem(field, rules);
  const currencyOptions = (currencies.data?.items ?? []).map((entry) => ({
    value: entry.code,
    label: `${entry.code} — ${localizedName(i18n.language, entry)}`,
  }));

  return (
    <Form<TariffFormValues>
      form={form}
      name="tariff"
      layout="vertical"
      onFinish={onSubmit}
      disabled={readOnly}
      scrollToFirstError
    >
      <Row gutter={16}>
        <TextField span={24} {...item('name')} required maxLength={200} />
        {/* The currency and period are chosen once, with the first price. */}
        <FormField span={8} {...item('currency')} rules={isNew ? rules.currency : undefined} required={isNew}>
          <Select
            showSearch
            optionFilterProp="label"
            disabled={!isNew}
            loading={currencies.isLoading}
            options={currencyOptions}
          />
        </FormField>
        <FormField
          span={8}
          {...item('period')}
          rules={isNew ? rules.period : undefined}
          required={isNew}
          tooltip={t('tariff.periodHelp')}
        >
          <CodeSelect disabled={!isNew} codes={['month', 'day']} textsKey="tariff.periods" />
        </FormField>
        {isNew ? (
          <>
            <TextField span={8} {...item('price')} required {...amountInput} />
            <FormField
              span={8}
              offset={16}
              {...item('effectiveFrom')}
              required
              extra={t('tariff.firstPriceHelp')}
            >
              <DayPicker allowClear={false} />
            </FormField>
          </>
        ) : (
          <FormField span={8} label={t('tariff.priceInForce')} htmlFor="tariff_price_in_force">
            <Input
              id="tariff_price_in_force"
              readOnly
              disabled={false}
              value={
                tariff.price === null
                  ? '—'
                  : `${tariff.price} ${tariff.currency}${
                      tariff.priceEffectiveFrom
                        ? ` (${t('tariff.since', { day: formatDay(tariff.priceEffectiveFrom, i18n.language) })})`
                        : ''
                    }`
              }
            />
          </FormField>
        )}
        {tariff && (
          <FormField span={12} label={field('owner')} htmlFor="tariff_owner">
            <Input id="tariff_owner" readOnly disabled={false} value={tariffOwnerName(t, tariff)} />
          </FormField>
        )}
      </Row>
    </Form>
  );
}
