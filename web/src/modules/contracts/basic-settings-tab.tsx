import { BlockedByNotice } from '../../ui/blocked-by';
import { Form, Input, Row, type FormInstance } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contract, Reference } from '../../app/api-types';
import { usePartner } from '../../app/partner-lookups';
import { useRegions } from '../../app/reference-queries';
import { AccountTypeSelect } from '../../ui/account-type-select';
import { CodeSelect } from '../../ui/code-select';
import { amountInput, emailInput, phoneInput } from '../../ui/input-presets';
import { fieldItem } from '../../ui/field-item';
import { FormField } from '../../ui/form-field';
import { OrganizationTypeSelect } from '../../ui/organization-type-select';
import { PartnerSelect } from '../../ui/partner-select';
import { SwitchField } from '../../ui/switch-field';
import { TextField } from '../../ui/text-field';
import { ContractCurrencySelect } from './contract-currency-select';
import { contractRules } from './contract-rules';
import { ContractTariffSelect } from './contract-tariff-select';
import type { ContractFormValues } from './contract-types';

interface BasicSettingsTabProps {
  form: FormInstance<ContractFormValues>;
  contract: Contract | null;
  /** The partner preset by the partner window's Contracts tab, shown before the list loads. */
  presetPartner: Reference | null;
  onSubmit: (values: ContractFormValues) => void;
}

/** The contract card's "Basic settings": every field in PRODUCT.md's order. */
export function BasicSettingsTab({ form, contract, presetPartner, onSubmit }: BasicSettingsTabProps) {
  const { t } = useTranslation();
  const partnerId = Form.useWatch<number | null | undefined>('partnerId', form) ?? null;
  const currency = Form.useWatch<string | null | undefined>('currency', form) ?? null;
  const accountType = Form.useWatch<string | undefined>('accountType', form);
  const partnerQuery = usePartner(partnerId);
  const partner = partnerQuery.data?.id === partnerId ? partnerQuery.data : undefined;
  const regions = useRegions();
  const country = regions.data?.items.find((region) => region.code === partner?.region)?.country ?? null;
  const rules = contractRules(t, form, country);
  const field = (name: string) => t(`contract.fields.${name}`);
  const item = fieldItem(field, rules);
  const partnerCurrencies = partner ? [partner.currency, ...partner.additionalCurrencies] : [];

  // A contract bills in one of its partner's currencies: an empty Currency takes the partner's main one.
  useEffect(() => {
    if (!partner) return;
    const current = form.getFieldValue('currency') as string | null | undefined;
    if (!current) form.setFieldValue('currency', partner.currency);
  }, [partner, form]);

  // Tax ids and the phone are read by the partner's country: they are checked again when it is known.
  useEffect(() => {
    const touched = form.isFieldsTouched(['iin', 'kpp', 'phone']);
    if (touched) void form.validateFields(['iin', 'kpp', 'phone']).catch(() => undefined);
  }, [country, form]);

  const currentPartner =
    contract && contract.partnerId === partnerId
      ? contract.partner
      : presetPartner?.id === partnerId
        ? presetPartner
        : partner
          ? { id: partner.id, name: partner.name }
          : null;

  return (
    <Form<ContractFormValues>
      form={form}
      name="contract"
      layout="vertical"
      onFinish={onSubmit}
      onValuesChange={(changed: Partial<ContractFormValues>) => {
        // Another partner offers other currencies and tariffs: they are chosen again.
        if ('partnerId' in changed) form.setFieldsValue({ currency: null, tariffId: null });
        else if ('currency' in changed) form.setFieldValue('tariffId', null);
        if ('iin' in changed) void form.validateFields(['kpp']).catch(() => undefined);
      }}
      scrollToFirstError
    >
      <BlockedByNotice blockedBy={contract?.blockedBy ?? null} effectKey="contract" />
      <Row gutter={16}>
        <TextField span={12} {...item('name')} required maxLength={200} />
        <TextField span={12} {...item('email')} {...emailInput} />
        <TextField span={8} {...item('phone')} {...phoneInput} />
        <FormField span={8} label={field('balance')} htmlFor="contract_balance">
          <Input
            id="contract_balance"
            readOnly
            value={`${contract?.balance ?? '0.00'}${currency ? ` ${currency}` : ''}`}
            style={{ textAlign: 'right' }}
          />
        </FormField>
        <TextField span={8} {...item('deposit')} {...amountInput} />
        <TextField span={12} {...item('iin')} maxLength={32} />
        <TextField span={12} {...item('kpp')} maxLength={32} />
        <FormField span={12} {...item('partnerId')} required>
          <PartnerSelect partnerId={null} current={currentPartner} />
        </FormField>
        <FormField
          span={12}
          {...item('currency')}
          required
          extra={partnerId === null ? t('contract.choosePartnerFirst') : undefined}
        >
          <ContractCurrencySelect
            currencies={partnerCurrencies}
            loading={partnerId !== null && partnerQuery.isLoading}
            disabled={partnerId === null || undefined}
          />
        </FormField>
        <FormField span={12} {...item('tariffId')}>
          <ContractTariffSelect
            partnerId={partnerId}
            currency={currency}
            current={contract?.tariff ?? null}
            inherited={contract?.inheritedTariff?.name ?? null}
            disabled={partnerId === null || currency === null || undefined}
          />
        </FormField>
        <FormField span={12} {...item('organizationType')}>
          <OrganizationTypeSelect country={country} />
        </FormField>
        <FormField span={12} {...item('accountType')} required>
          <AccountTypeSelect />
        </FormField>
        {accountType === 'postpayment_light' && (
          <TextField
            span={12}
            {...item('blockingLimit')}
            required
            extra={t('contract.blockingLimitHelp')}
            {...amountInput}
            suffix={currency ?? undefined}
          />
        )}
        <TextField span={12} {...item('code1c')} maxLength={64} />
      </Row>
      <Row gutter={16}>
        <SwitchField span={8} {...item('active')} />
        <SwitchField span={8} {...item('isWarehouse')} extra={t('contract.warehouseHelp')} />
        <SwitchField span={8} {...item('blocked')} />
        <FormField span={12} {...item('userPasswordPolicy')}>
          <CodeSelect codes={['inherit', 'simple', 'complex']} textsKey="contract.passwordPolicy" />
        </FormField>
        <FormField span={12} {...item('comment')}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 1, maxRows: 4 }} />
        </FormField>
      </Row>
      <button type="submit" hidden aria-hidden tabIndex={-1} />
    </Form>
  );
}
