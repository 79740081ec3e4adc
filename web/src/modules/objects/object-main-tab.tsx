import { today } from '@server-lib/clock';
import dayjs, { type Dayjs } from 'dayjs';
import { DatePicker, Form, Input, Row, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { phoneInput } from '../../ui/input-presets';
import { ContractSelect } from '../../ui/contract-select';
import { fieldItem } from '../../ui/field-item';
import { dayInputFormats, formatDay } from '../../ui/format-day';
import { FormField } from '../../ui/form-field';
import { SwitchField } from '../../ui/switch-field';
import { TextField } from '../../ui/text-field';
import { activeDayRules, earliestActiveFrom, objectRules } from './object-rules';
import type { ObjectFormValues, TrackedObject } from './object-types';

interface ObjectMainTabProps {
  form: FormInstance<ObjectFormValues>;
  object: TrackedObject | null;
  /** The window was opened for one contract: the Contract field is not asked. */
  fixedContractId?: number;
  /** Only this partner's contracts are offered. */
  partnerId?: number;
  onSubmit: (values: ObjectFormValues) => void;
}

/* The day pickers hold 'YYYY-MM-DD' text in the form, as the API does; they show the language's way. */
const DAY_FORMAT = 'YYYY-MM-DD';
const dayValueProps = (value: string | null | undefined) => ({ value: value ? dayjs(value) : null });
const dayOf = (value: Dayjs | null | undefined) => (value ? value.format(DAY_FORMAT) : null);

/** The object's fields; Tariff and Tariff pinned on are read-only (the tariff rule pins them). */
export function ObjectMainTab({ form, object, fixedContractId, partnerId, onSubmit }: ObjectMainTabProps) {
  const { t, i18n } = useTranslation();
  const rules = objectRules(t);
  const dayRules = activeDayRules(t, i18n.language, object?.activeFrom ?? null);
  // The platform's day (UTC), which the server judges Active from by.
  const platformToday = today();
  const field = (name: string) => t(`object.fields.${name}`);
  const item = fieldItem(field, rules);
  const isNew = object === null;
  const pinnedOn = object?.tariffPinnedAt ? formatDay(object.tariffPinnedAt, i18n.language) : '—';

  return (
    <Form<ObjectFormValues>
      form={form}
      name="object"
      layout="vertical"
      onFinish={onSubmit}
      scrollToFirstError
    >
      <Row gutter={16}>
        {fixedContractId === undefined && (
          <FormField
            span={12}
            {...item('contractId')}
            required
            extra={isNew ? undefined : t('object.contractMoveHint')}
          >
            <ContractSelect partnerId={partnerId} current={object?.contract} disabled={!isNew || undefined} />
          </FormField>
        )}
        <TextField span={12} {...item('name')} required maxLength={200} />
        <TextField span={12} {...item('deviceId')} required maxLength={64} autoComplete="off" />
        <TextField span={12} {...item('deviceType')} maxLength={100} />
        <TextField span={12} {...item('simPhone')} {...phoneInput} />
        <TextField span={12} {...item('sim2Phone')} type="tel" maxLength={40} />
        <TextField span={12} {...item('iccid')} inputMode="numeric" maxLength={24} />
        <TextField span={12} {...item('simProvider')} maxLength={100} />
        <TextField span={12} {...item('plateNumber')} maxLength={32} />
        <SwitchField span={6} {...item('active')} />
        <FormField
          span={12}
          label={field('activeFrom')}
          name="activeFrom"
          rules={dayRules.activeFrom}
          getValueProps={dayValueProps}
          normalize={dayOf}
          extra={t('object.activeFromHint')}
        >
          <DatePicker
            format={dayInputFormats(i18n.language)}
            style={{ width: '100%' }}
            placeholder={isNew ? t('object.activeFromToday') : undefined}
            disabledDate={(day) => {
              const text = day.format(DAY_FORMAT);
              return (
                text !== object?.activeFrom &&
                (text > platformToday || text < earliestActiveFrom(platformToday))
              );
            }}
          />
        </FormField>
        <FormField
          span={12}
          label={field('activeUntil')}
          name="activeUntil"
          rules={dayRules.activeUntil}
          dependencies={['activeFrom']}
          getValueProps={dayValueProps}
          normalize={dayOf}
          extra={t('object.activeUntilHint')}
        >
          <DatePicker format={dayInputFormats(i18n.language)} style={{ width: '100%' }} allowClear />
        </FormField>
        {!isNew && (
          <>
            <FormField span={12} label={field('tariff')} htmlFor="object-tariff">
              <Input id="object-tariff" readOnly value={object.tariff?.name ?? '—'} />
            </FormField>
            <FormField span={12} label={field('tariffPinnedAt')} htmlFor="object-tariff-pinned-at">
              <Input id="object-tariff-pinned-at" readOnly value={pinnedOn} />
            </FormField>
          </>
        )}
      </Row>
      <button type="submit" hidden aria-hidden tabIndex={-1} />
    </Form>
  );
}
