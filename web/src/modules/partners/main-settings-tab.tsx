import { useBlockConfirmation } from './block-confirmation';
import { BlockedByNotice } from '../../ui/blocked-by';
import { Form, Input, Row, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Partner } from '../../app/api-types';
import { useRegions } from '../../app/reference-queries';
import { AccountTypeSelect } from '../../ui/account-type-select';
import { BlockHeading } from '../../ui/block-heading';
import { CodeSelect } from '../../ui/code-select';
import { amountInput, emailInput, phoneInput } from '../../ui/input-presets';
import { CurrencySelect } from '../../ui/currency-select';
import { fieldItem } from '../../ui/field-item';
import { FormField } from '../../ui/form-field';
import { lockedField } from '../../ui/locked-field';
import { OrganizationTypeSelect } from '../../ui/organization-type-select';
import { PartnerSelect } from '../../ui/partner-select';
import { PasswordField } from '../../ui/password-field';
import { RegionSelect } from '../../ui/region-select';
import { SwitchField } from '../../ui/switch-field';
import { TextField } from '../../ui/text-field';
import { partnerRules } from './partner-rules';
import { PartnerTariffSelect } from './partner-tariff-select';
import type { PartnerFormValues } from './partner-types';
import { useProposedCurrency } from './use-proposed-currency';
import { useProposedVatRate } from './use-proposed-vat-rate';

interface MainSettingsTabProps {
  form: FormInstance<PartnerFormValues>;
  partner: Partner | null;
  /** The signed-in partner administrator is editing its own partner: parent-only fields are locked. */
  isOwnPartner: boolean;
  onSubmit: (values: PartnerFormValues) => void;
}

/** The seed's "Main settings": its four blocks, every field in its order and wording. */
export function MainSettingsTab({ form, partner, isOwnPartner, onSubmit }: MainSettingsTabProps) {
  const { t } = useTranslation();
  const regions = useRegions();
  const countryOf = (code: string | null) =>
    regions.data?.items.find((region) => region.code === code)?.country ?? null;
  const rules = partnerRules(t, form, countryOf);
  const region = Form.useWatch('region', form) ?? null;
  const currency = Form.useWatch('currency', form);
  const additionalCurrencies = (Form.useWatch('additionalCurrencies', form) as string[] | undefined) ?? [];
  const parentId = Form.useWatch<number | null | undefined>('parentId', form) ?? null;
  const country = countryOf(region);
  const currencies = [currency, ...additionalCurrencies].filter((code): code is string => Boolean(code));
  const field = (name: string) => t(`partner.fields.${name}`);
  const item = fieldItem(field, rules);
  const isNew = partner === null;
  const newPassword = Form.useWatch<string | undefined>('password', form);
  useProposedVatRate(form, isNew, country);
  useProposedCurrency(form, isNew, parentId);
  const confirmBlock = useBlockConfirmation(form, partner);
  const tariffChoices = { partnerId: partner?.id ?? null, parentId, currencies };
  // What only the parent partner sets looks read-only to the partner's own administrator, and says why.
  const parentOnly = lockedField(isOwnPartner ? t('partner.parentOnly') : null);

  return (
    <Form<PartnerFormValues>
      form={form}
      name="partner"
      layout="vertical"
      onFinish={onSubmit}
      onValuesChange={(changed: Partial<PartnerFormValues>) => {
        if (changed.blocked === true) void confirmBlock('blocked');
        if (changed.usersBlocked === true) void confirmBlock('usersBlocked');
        if ('region' in changed) void form.validateFields(['iin', 'kpp', 'phone']).catch(() => undefined);
        if ('iin' in changed) void form.validateFields(['kpp']).catch(() => undefined);
      }}
      scrollToFirstError
    >
      <BlockedByNotice blockedBy={partner?.blockedBy ?? null} effectKey="partner" />
      <section>
        <BlockHeading>{t('partner.blocks.general')}</BlockHeading>
        <Row gutter={16}>
          <TextField span={12} {...item('name')} required maxLength={200} />
          <TextField span={12} {...item('email')} {...emailInput} />
          <TextField span={8} {...item('phone')} {...phoneInput} />
          {/* An advance payment to the parent: the parent records it, not the partner itself. */}
          <TextField span={8} {...item('deposit')} {...amountInput} {...parentOnly} />
          <TextField span={8} {...item('iin')} maxLength={32} />
          <TextField span={8} {...item('kpp')} maxLength={32} />
          <TextField span={8} {...item('vatPercent')} inputMode="decimal" suffix="%" />
          <TextField span={8} {...item('code1c')} maxLength={64} />
          <FormField span={12} {...item('region')}>
            <RegionSelect />
          </FormField>
          <TextField span={12} {...item('comment')} maxLength={2000} />
        </Row>
      </section>

      <section>
        <BlockHeading>{t('partner.blocks.access')}</BlockHeading>
        <Row gutter={16}>
          <SwitchField span={6} {...item('blocked')} {...parentOnly} />
          <SwitchField span={6} {...item('usersBlocked')} {...parentOnly} />
          <FormField span={12} {...item('parentId')} tooltip={parentOnly.tooltip}>
            <PartnerSelect
              disabled={parentOnly.disabled}
              partnerId={partner?.id ?? null}
              current={partner?.parent ?? null}
            />
          </FormField>
        </Row>
      </section>

      <section>
        <BlockHeading>{t('partner.blocks.financial')}</BlockHeading>
        <Row gutter={16}>
          <FormField span={8} {...item('currency')} required>
            <CurrencySelect />
          </FormField>
          <FormField span={16} {...item('additionalCurrencies')}>
            <CurrencySelect mode="multiple" />
          </FormField>
          <FormField span={12} {...item('priceTariffId')}>
            <PartnerTariffSelect purpose="price" {...tariffChoices} />
          </FormField>
          <FormField span={12} {...item('partnerPriceTariffId')} tooltip={parentOnly.tooltip}>
            <PartnerTariffSelect purpose="partnerPrice" {...tariffChoices} disabled={parentOnly.disabled} />
          </FormField>
          <FormField span={12} {...item('organizationType')}>
            <OrganizationTypeSelect country={country} />
          </FormField>
          <FormField span={12} {...item('accountType')} required>
            <AccountTypeSelect />
          </FormField>
        </Row>
      </section>

      <section>
        <BlockHeading>{t('partner.blocks.credentials')}</BlockHeading>
        <Row gutter={16}>
          <FormField span={12} {...item('userPasswordPolicy')}>
            <CodeSelect codes={['simple', 'complex']} textsKey="partner.passwordPolicy" />
          </FormField>
          <SwitchField span={12} {...item('showUserPassword')} />
          <TextField span={12} {...item('login')} required maxLength={64} autoComplete="off" />
          <FormField
            span={12}
            label={field('password')}
            name="password"
            rules={rules.password(isNew)}
            required={isNew}
            extra={isNew ? undefined : t('partner.passwordKeep')}
          >
            <PasswordField />
          </FormField>
          {isOwnPartner && newPassword && (
            // Changing one's own password needs the current one, so an unattended session is not enough.
            <FormField
              span={12}
              offset={12}
              label={field('currentPassword')}
              name="currentPassword"
              rules={[{ required: true, message: t('errors.required', { field: field('currentPassword') }) }]}
              required
            >
              <Input.Password autoComplete="current-password" />
            </FormField>
          )}
        </Row>
      </section>
      <button type="submit" hidden aria-hidden tabIndex={-1} />
    </Form>
  );
}
