import { BlockedByNotice } from '../../ui/blocked-by';
import type { TFunction } from 'i18next';
import { Form, Row, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { CodeSelect } from '../../ui/code-select';
import { emailInput, phoneInput } from '../../ui/input-presets';
import { ContractSelect } from '../../ui/contract-select';
import { fieldItem } from '../../ui/field-item';
import { FormField } from '../../ui/form-field';
import { SwitchField } from '../../ui/switch-field';
import { TextField } from '../../ui/text-field';
import { UserPasswordField } from './user-password-field';
import { userRules } from './user-rules';
import type { PasswordPolicyInForce, PortalUser, UserFormValues } from './user-types';
import { usePasswordPolicy } from './users-api';

interface UserMainTabProps {
  form: FormInstance<UserFormValues>;
  user: PortalUser | null;
  /** The window was opened for one contract: the Contract field is not asked. */
  fixedContractId?: number;
  /** Only this partner's contracts are offered. */
  partnerId?: number;
  onSubmit: (values: UserFormValues) => void;
}

/** The policy in force, in words: "Complex: at least 12 characters, hard to guess, …". */
export function policyInWords(t: TFunction, policy: PasswordPolicyInForce) {
  return t(`user.policy.${policy.policy}`, { min: policy.minLength });
}

/** The portal user's fields; the password is checked against the policy of the user's contract. */
export function UserMainTab({ form, user, fixedContractId, partnerId, onSubmit }: UserMainTabProps) {
  const { t } = useTranslation();
  const field = (name: string) => t(`user.fields.${name}`);
  const isNew = user === null;
  const chosenContract = Form.useWatch<number | null | undefined>('contractId', form);
  const contractId = fixedContractId ?? user?.contractId ?? chosenContract;
  const policy = usePasswordPolicy(contractId);
  const rules = userRules(t, policy.data);
  const item = fieldItem(field, rules);
  const policyText = policy.data
    ? policyInWords(t, policy.data)
    : contractId
      ? t('user.policyLoading')
      : t('user.policyChooseContract');

  return (
    <Form<UserFormValues> form={form} name="user" layout="vertical" onFinish={onSubmit} scrollToFirstError>
      <BlockedByNotice blockedBy={user?.blockedBy ?? null} effectKey="user" />
      <Row gutter={16}>
        {fixedContractId === undefined && (
          <FormField span={12} {...item('contractId')} required>
            <ContractSelect partnerId={partnerId} current={user?.contract} />
          </FormField>
        )}
        <TextField span={12} {...item('login')} required maxLength={64} autoComplete="off" />
        <TextField span={12} {...item('name')} maxLength={200} />
        <TextField span={12} {...item('phone')} {...phoneInput} />
        <TextField span={12} {...item('email')} {...emailInput} />
        <FormField
          span={12}
          label={field('password')}
          name="password"
          rules={rules.password(isNew)}
          required={isNew}
          extra={
            <>
              <div>{policyText}</div>
              {!isNew && <div>{t('user.passwordKeep')}</div>}
            </>
          }
        >
          <UserPasswordField
            showInClear={policy.data?.showUserPassword ?? false}
            minLength={policy.data?.minLength ?? 12}
          />
        </FormField>
        <FormField span={6} {...item('type')}>
          <CodeSelect codes={['administrator', 'user']} textsKey="user.types" />
        </FormField>
        <SwitchField span={6} {...item('blocked')} />
      </Row>
      <button type="submit" hidden aria-hidden tabIndex={-1} />
    </Form>
  );
}
