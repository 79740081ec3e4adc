import { isValidEmail, normalizePhone } from '@server-lib/contact';
import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';

/* What the server checks before the policy; the policy itself (common lists, strength) is the server's. */
export function userRules(t: TFunction, policy: { minLength: number; maxLength: number } | undefined) {
  const field = (name: string) => t(`user.fields.${name}`);
  const required = (name: string): FormRule => ({
    required: true,
    whitespace: true,
    message: t('errors.required', { field: field(name) }),
  });
  return {
    contractId: [
      { required: true, message: t('errors.required', { field: field('contractId') }) },
    ] as FormRule[],
    login: [
      required('login'),
      { pattern: /^[\p{L}\p{N}._@-]{3,64}$/u, message: t('errors.login_format', { field: field('login') }) },
    ] as FormRule[],
    email: [
      {
        validator: async (_rule, value: string | null | undefined) => {
          if (value?.trim() && !isValidEmail(value.trim()))
            throw new Error(t('errors.email_invalid', { field: field('email') }));
        },
      },
    ] as FormRule[],
    phone: [
      {
        validator: async (_rule, value: string | null | undefined) => {
          // Without + the number is read in the partner's country, which only the server knows.
          if (value?.trim().startsWith('+') && !normalizePhone(value.trim(), null))
            throw new Error(t('errors.phone_invalid', { field: field('phone') }));
        },
      },
    ] as FormRule[],
    password: (isNew: boolean): FormRule[] => [
      ...(isNew ? [{ required: true, message: t('errors.required', { field: field('password') }) }] : []),
      ...(policy
        ? [
            {
              min: policy.minLength,
              message: t('errors.password_too_short', { field: field('password'), min: policy.minLength }),
            },
            {
              max: policy.maxLength,
              message: t('errors.password_too_long', { field: field('password'), max: policy.maxLength }),
            },
          ]
        : []),
    ],
  };
}
