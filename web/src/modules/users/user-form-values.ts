import type { PortalUser, UserFormValues } from './user-types';

export const emptyUserValues = (contractId: number | undefined): Partial<UserFormValues> => ({
  contractId: contractId ?? null,
  type: 'user',
  blocked: false,
  password: '',
});

export function userFormValuesOf(user: PortalUser): UserFormValues {
  return {
    contractId: user.contractId,
    login: user.login,
    name: user.name,
    phone: user.phone,
    email: user.email,
    password: '',
    type: user.type,
    blocked: user.blocked,
  };
}

/**
 * The body to send: text trimmed, a cleared field sent as null (absent would mean "unchanged" to
 * PATCH), an empty password left out (keep the current one). The password is sent as typed.
 */
export function userRequestBodyOf(values: UserFormValues): UserFormValues {
  const body: UserFormValues = { ...values, login: values.login.trim() };
  for (const field of ['name', 'phone', 'email'] as const) {
    const value = body[field]?.trim();
    body[field] = value ? value : null;
  }
  if (!body.password) delete body.password;
  return body;
}
