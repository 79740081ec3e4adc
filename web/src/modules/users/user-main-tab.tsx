import type { TFunction } from 'i18next';
import { Col, Form, Input, Row, Select, Switch, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { ContractSelect } from '../objects/contract-select';
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
  const policyText = policy.data
    ? policyInWords(t, policy.data)
    : contractId
      ? t('user.policyLoading')
      : t('user.policyChooseContract');

  return (
    <Form<UserFormValues> form={form} name="user" layout="vertical" onFinish={onSubmit} scrollToFirstError>
      <Row gutter={16}>
        {fixedContractId === undefined && (
          <Col span={12}>
            <Form.Item label={field('contractId')} name="contractId" rules={rules.contractId} required>
              <ContractSelect partnerId={partnerId} current={user?.contract} />
            </Form.Item>
          </Col>
        )}
        <Col span={12}>
          <Form.Item label={field('login')} name="login" rules={rules.login} required>
            <Input maxLength={64} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={field('name')} name="name">
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={field('phone')} name="phone" rules={rules.phone}>
            <Input type="tel" maxLength={40} placeholder="+7 701 123 45 67" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={field('email')} name="email" rules={rules.email}>
            <Input type="email" maxLength={254} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
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
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item label={field('type')} name="type">
            <Select
              options={[
                { value: 'administrator', label: t('user.types.administrator') },
                { value: 'user', label: t('user.types.user') },
              ]}
            />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item label={field('blocked')} name="blocked" valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
      </Row>
      <button type="submit" hidden aria-hidden tabIndex={-1} />
    </Form>
  );
}
