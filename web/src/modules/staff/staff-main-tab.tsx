import { Alert, Form, Row, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Reference } from '../../app/api-types';
import { useSession } from '../../app/session';
import { FormField } from '../../ui/form-field';
import { emailInput } from '../../ui/input-presets';
import { PartnerSelect } from '../../ui/partner-select';
import { PasswordField } from '../../ui/password-field';
import { SwitchField } from '../../ui/switch-field';
import { TextField } from '../../ui/text-field';
import { RightsEditor } from './rights-editor';
import { useRightsCatalogue } from './staff-api';
import type { StaffFormValues, StaffUser } from './staff-types';

interface StaffMainTabProps {
  form: FormInstance<StaffFormValues>;
  staff: StaffUser | null;
  /** The partner a new staff user starts with, named in the picker. */
  presetPartner: Reference | null;
  /** Why the form is shown read-only, when that is not simply the viewer's lack of staff:write. */
  readOnlyReason: string | null;
  onSubmit: (values: StaffFormValues) => void;
}

/** A staff user's login, name, email, password, partner, blocked flag and rights. */
export function StaffMainTab({ form, staff, presetPartner, readOnlyReason, onSubmit }: StaffMainTabProps) {
  const { t } = useTranslation();
  const { user } = useSession();
  const catalogue = useRightsCatalogue();
  const isNew = staff === null;
  const isSuperAdmin = user?.role === 'super_admin';
  const field = (name: string) => t(`staffUser.fields.${name}`);
  const ownPartner =
    user?.partnerId != null ? { id: user.partnerId, name: user.partnerName ?? String(user.partnerId) } : null;
  const currentPartner = staff ? staff.partner : (presetPartner ?? ownPartner);

  return (
    <Form<StaffFormValues> form={form} name="staff" layout="vertical" onFinish={onSubmit} scrollToFirstError>
      {readOnlyReason && <Alert type="info" showIcon message={readOnlyReason} style={{ marginBottom: 16 }} />}
      <Row gutter={16}>
        <TextField
          span={12}
          label={field('login')}
          name="login"
          rules={[{ required: true, whitespace: true, message: t('staffUser.required.login') }]}
          required
          maxLength={64}
          autoComplete="off"
        />
        <TextField span={12} label={field('name')} name="name" maxLength={200} />
        <TextField
          span={12}
          label={field('email')}
          name="email"
          rules={[{ type: 'email', message: t('staffUser.emailInvalid') }]}
          {...emailInput}
        />
        <FormField
          span={12}
          label={field('password')}
          name="password"
          rules={isNew ? [{ required: true, message: t('staffUser.required.password') }] : undefined}
          required={isNew}
          extra={
            <>
              <div>{t('staffUser.passwordPolicy')}</div>
              {!isNew && <div>{t('staffUser.passwordKeep')}</div>}
            </>
          }
        >
          <PasswordField />
        </FormField>
        <FormField
          span={12}
          label={field('partnerId')}
          name="partnerId"
          // The platform's own staff (no partner) only the super administrator adds.
          rules={isSuperAdmin ? undefined : [{ required: true, message: t('staffUser.required.partnerId') }]}
          required={!isSuperAdmin}
        >
          <PartnerSelect
            partnerId={null}
            current={currentPartner}
            placeholder={isSuperAdmin ? t('staffUser.platform') : undefined}
            // A staff user's partner is chosen once, when it is added.
            disabled={!isNew || undefined}
          />
        </FormField>
        <SwitchField span={12} label={field('blocked')} name="blocked" />
        <FormField span={24} label={field('rights')} name="rights">
          <RightsEditor catalogue={catalogue.data} />
        </FormField>
      </Row>
      <button type="submit" hidden aria-hidden tabIndex={-1} />
    </Form>
  );
}
