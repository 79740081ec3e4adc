import { Col, Form, Input, Row, Select, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCurrencies } from '../../app/reference-queries';
import { CodeSelect } from '../../ui/code-select';
import { localizedName } from '../../ui/localized-name';
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
 * changes by a new dated version (Price versions), and the currency and period never.
 */
export function TariffMainTab({ form, tariff, readOnly, onSubmit }: TariffMainTabProps) {
  const { t, i18n } = useTranslation();
  const currencies = useCurrencies();
  const rules = tariffRules(t);
  const field = (name: string) => t(`tariff.fields.${name}`);
  const isNew = tariff === null;
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
        <Col span={24}>
          <Form.Item label={field('name')} name="name" rules={rules.name} required>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            label={field('currency')}
            name="currency"
            rules={isNew ? rules.currency : undefined}
            required={isNew}
          >
            <Select
              showSearch
              optionFilterProp="label"
              disabled={!isNew}
              loading={currencies.isLoading}
              options={currencyOptions}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            label={field('period')}
            name="period"
            rules={isNew ? rules.period : undefined}
            required={isNew}
            tooltip={t('tariff.periodHelp')}
          >
            <CodeSelect disabled={!isNew} codes={['month', 'day']} textsKey="tariff.periods" />
          </Form.Item>
        </Col>
        <Col span={8}>
          {isNew ? (
            <Form.Item label={field('price')} name="price" rules={rules.price} required>
              <Input inputMode="decimal" placeholder="0.00" />
            </Form.Item>
          ) : (
            <Form.Item label={t('tariff.priceInForce')} htmlFor="tariff_price_in_force">
              <Input
                id="tariff_price_in_force"
                readOnly
                disabled={false}
                value={
                  tariff.price === null
                    ? '—'
                    : `${tariff.price} ${tariff.currency}${
                        tariff.priceEffectiveFrom
                          ? ` (${t('tariff.since', { day: tariff.priceEffectiveFrom })})`
                          : ''
                      }`
                }
              />
            </Form.Item>
          )}
        </Col>
        {tariff && (
          <Col span={12}>
            <Form.Item label={field('owner')} htmlFor="tariff_owner">
              <Input id="tariff_owner" readOnly disabled={false} value={tariffOwnerName(t, tariff)} />
            </Form.Item>
          </Col>
        )}
      </Row>
    </Form>
  );
}
