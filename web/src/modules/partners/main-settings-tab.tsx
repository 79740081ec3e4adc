import { Col, Form, Input, Row, Select, Switch, Typography, type FormInstance } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { PasswordField } from '../../ui/password-field';
import type { Partner, PartnerFormValues } from './partner-types';
import { partnerRules } from './partner-rules';
import {
  CurrencySelect,
  OrganizationTypeSelect,
  ParentSelect,
  RegionSelect,
  TariffSelect,
} from './partner-selects';
import { useAccountTypes, useRegions, useVatRateInForce } from './reference-api';

interface MainSettingsTabProps {
  form: FormInstance<PartnerFormValues>;
  partner: Partner | null;
  /** The signed-in partner administrator is editing its own partner: parent-only fields are locked. */
  isOwnPartner: boolean;
  onSubmit: (values: PartnerFormValues) => void;
}

function BlockHeading({ children }: { children: string }) {
  return (
    <Typography.Title level={5} style={{ marginTop: 8 }}>
      {children}
    </Typography.Title>
  );
}

/** The seed's "Main settings": its four blocks, every field in its order and wording. */
export function MainSettingsTab({ form, partner, isOwnPartner, onSubmit }: MainSettingsTabProps) {
  const { t, i18n } = useTranslation();
  const regions = useRegions();
  const accountTypes = useAccountTypes();
  const countryOf = (code: string | null) =>
    regions.data?.items.find((region) => region.code === code)?.country ?? null;
  const rules = partnerRules(t, form, countryOf);
  const region = Form.useWatch('region', form) ?? null;
  const currency = Form.useWatch('currency', form);
  const additionalCurrencies = (Form.useWatch('additionalCurrencies', form) as string[] | undefined) ?? [];
  const parentId = Form.useWatch<number | null | undefined>('parentId', form) ?? null;
  const country = countryOf(region);
  const vatInForce = useVatRateInForce(country);
  const currencies = [currency, ...additionalCurrencies].filter((code): code is string => Boolean(code));
  const field = (name: string) => t(`partner.fields.${name}`);
  const isNew = partner === null;
  const newPassword = Form.useWatch<string | undefined>('password', form);

  /*
   * A new partner is offered the standard VAT rate in force in its region's country. When the region
   * changes, the offer follows it, unless the person typed a rate of their own: a VAT field that still
   * holds the last offer (or nothing) takes the new country's rate, or empties when it has none.
   */
  const proposedVat = useRef<string | null>(null);
  const vatKnown = country === null || vatInForce.isSuccess;
  const vatForCountry = country === null ? null : (vatInForce.data?.inForce?.ratePercent ?? null);
  useEffect(() => {
    if (!isNew || !vatKnown) return;
    const current = (form.getFieldValue('vatPercent') as string | null | undefined)?.trim() || null;
    if (current !== null && current !== proposedVat.current) return;
    if (current !== vatForCountry) form.setFieldValue('vatPercent', vatForCountry);
    proposedVat.current = vatForCountry;
  }, [isNew, vatKnown, vatForCountry, form]);

  return (
    <Form<PartnerFormValues>
      form={form}
      name="partner"
      layout="vertical"
      onFinish={onSubmit}
      onValuesChange={(changed: Partial<PartnerFormValues>) => {
        if ('region' in changed) void form.validateFields(['iin', 'kpp', 'phone']).catch(() => undefined);
        if ('iin' in changed) void form.validateFields(['kpp']).catch(() => undefined);
      }}
      scrollToFirstError
    >
      <section>
        <BlockHeading>{t('partner.blocks.general')}</BlockHeading>
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
            <Form.Item label={field('deposit')} name="deposit" rules={rules.deposit}>
              {/* An advance payment to the parent: the parent records it, not the partner itself. */}
              <Input inputMode="decimal" placeholder="0.00" disabled={isOwnPartner} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label={field('iin')} name="iin" rules={rules.iin}>
              <Input maxLength={32} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label={field('kpp')} name="kpp" rules={rules.kpp}>
              <Input maxLength={32} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label={field('vatPercent')} name="vatPercent" rules={rules.vatPercent}>
              <Input inputMode="decimal" suffix="%" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label={field('code1c')} name="code1c">
              <Input maxLength={64} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label={field('region')} name="region">
              <RegionSelect />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label={field('comment')} name="comment">
              <Input maxLength={2000} />
            </Form.Item>
          </Col>
        </Row>
      </section>

      <section>
        <BlockHeading>{t('partner.blocks.access')}</BlockHeading>
        <Row gutter={16}>
          <Col span={6}>
            <Form.Item label={field('blocked')} name="blocked" valuePropName="checked">
              <Switch disabled={isOwnPartner} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item label={field('usersBlocked')} name="usersBlocked" valuePropName="checked">
              <Switch disabled={isOwnPartner} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label={field('parentId')} name="parentId">
              <ParentSelect
                disabled={isOwnPartner}
                partnerId={partner?.id ?? null}
                current={partner?.parent ?? null}
              />
            </Form.Item>
          </Col>
        </Row>
      </section>

      <section>
        <BlockHeading>{t('partner.blocks.financial')}</BlockHeading>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item label={field('currency')} name="currency" rules={rules.currency} required>
              <CurrencySelect />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item label={field('additionalCurrencies')} name="additionalCurrencies">
              <CurrencySelect mode="multiple" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label={field('priceTariffId')} name="priceTariffId">
              <TariffSelect
                purpose="price"
                partnerId={partner?.id ?? null}
                parentId={parentId}
                currencies={currencies}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label={field('partnerPriceTariffId')} name="partnerPriceTariffId">
              <TariffSelect
                purpose="partnerPrice"
                partnerId={partner?.id ?? null}
                parentId={parentId}
                currencies={currencies}
                disabled={isOwnPartner}
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
              <Select
                options={(accountTypes.data?.items ?? []).map((type) => ({
                  value: type.code,
                  label: i18n.language === 'ru' ? type.nameRu : type.nameEn,
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
      </section>

      <section>
        <BlockHeading>{t('partner.blocks.credentials')}</BlockHeading>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item label={field('userPasswordPolicy')} name="userPasswordPolicy">
              <Select
                options={[
                  { value: 'simple', label: t('partner.passwordPolicy.simple') },
                  { value: 'complex', label: t('partner.passwordPolicy.complex') },
                ]}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label={field('showUserPassword')} name="showUserPassword" valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label={field('login')} name="login" rules={rules.login} required>
              <Input maxLength={64} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              label={field('password')}
              name="password"
              rules={rules.password(isNew)}
              required={isNew}
              extra={isNew ? undefined : t('partner.passwordKeep')}
            >
              <PasswordField />
            </Form.Item>
          </Col>
          {isOwnPartner && newPassword && (
            // Changing one's own password needs the current one, so an unattended session is not enough.
            <Col span={12} offset={12}>
              <Form.Item
                label={field('currentPassword')}
                name="currentPassword"
                rules={[
                  { required: true, message: t('errors.required', { field: field('currentPassword') }) },
                ]}
                required
              >
                <Input.Password autoComplete="current-password" />
              </Form.Item>
            </Col>
          )}
        </Row>
      </section>
      <button type="submit" hidden aria-hidden tabIndex={-1} />
    </Form>
  );
}
