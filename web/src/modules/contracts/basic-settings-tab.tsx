import { Col, Form, Input, Row, Switch, type FormInstance } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { OrganizationTypeSelect, ParentSelect } from '../partners/partner-selects';
import { usePartner } from '../partners/partners-api';
import { useRegions } from '../partners/reference-api';
import { contractRules } from './contract-rules';
import {
  AccountTypeSelect,
  ContractCurrencySelect,
  ContractTariffSelect,
  UserPasswordPolicySelect,
} from './contract-selects';
import type { Contract, ContractFormValues, Reference } from './contract-types';

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
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item label={field('name')} name="name" rules={rules.name} required>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={field('email')} name="email" rules={rules.email}>
            <Input type="email" maxLength={254} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label={field('phone')} name="phone" rules={rules.phone}>
            <Input type="tel" maxLength={40} placeholder="+7 701 123 45 67" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label={field('balance')} htmlFor="contract_balance">
            <Input
              id="contract_balance"
              readOnly
              value={`${contract?.balance ?? '0.00'}${currency ? ` ${currency}` : ''}`}
              style={{ textAlign: 'right' }}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label={field('deposit')} name="deposit" rules={rules.deposit}>
            <Input inputMode="decimal" placeholder="0.00" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={field('iin')} name="iin" rules={rules.iin}>
            <Input maxLength={32} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={field('kpp')} name="kpp" rules={rules.kpp}>
            <Input maxLength={32} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={field('partnerId')} name="partnerId" rules={rules.partnerId} required>
            <ParentSelect partnerId={null} current={currentPartner} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            label={field('currency')}
            name="currency"
            rules={rules.currency}
            required
            extra={partnerId === null ? t('contract.choosePartnerFirst') : undefined}
          >
            <ContractCurrencySelect
              currencies={partnerCurrencies}
              loading={partnerId !== null && partnerQuery.isLoading}
              disabled={partnerId === null}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={field('tariffId')} name="tariffId">
            <ContractTariffSelect
              partnerId={partnerId}
              currency={currency}
              current={contract?.tariff ?? null}
              disabled={partnerId === null || currency === null}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={field('organizationType')} name="organizationType">
            <OrganizationTypeSelect country={country} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={field('accountType')} name="accountType" rules={rules.accountType} required>
            <AccountTypeSelect />
          </Form.Item>
        </Col>
        {accountType === 'postpayment_light' && (
          <Col span={12}>
            <Form.Item
              label={field('blockingLimit')}
              name="blockingLimit"
              rules={rules.blockingLimit}
              required
              extra={t('contract.blockingLimitHelp')}
            >
              <Input inputMode="decimal" placeholder="0.00" suffix={currency ?? undefined} />
            </Form.Item>
          </Col>
        )}
        <Col span={12}>
          <Form.Item label={field('code1c')} name="code1c">
            <Input maxLength={64} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item label={field('active')} name="active" valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            label={field('isWarehouse')}
            name="isWarehouse"
            valuePropName="checked"
            extra={t('contract.warehouseHelp')}
          >
            <Switch />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label={field('blocked')} name="blocked" valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={field('userPasswordPolicy')} name="userPasswordPolicy">
            <UserPasswordPolicySelect />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={field('comment')} name="comment">
            <Input.TextArea maxLength={2000} autoSize={{ minRows: 1, maxRows: 4 }} />
          </Form.Item>
        </Col>
      </Row>
      <button type="submit" hidden aria-hidden tabIndex={-1} />
    </Form>
  );
}
