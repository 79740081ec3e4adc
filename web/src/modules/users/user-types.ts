import type { Reference } from '../objects/object-types';

export type UserType = 'administrator' | 'user';
export type PasswordPolicyName = 'simple' | 'complex';

/** A portal user as the API returns it. */
export interface PortalUser {
  id: number;
  contractId: number;
  contract: Reference;
  partnerId: number;
  partner: Reference;
  login: string;
  name: string | null;
  phone: string | null;
  email: string | null;
  type: UserType;
  blocked: boolean;
  passwordPolicy: PasswordPolicyName;
  version: number;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
}

/** The values of the user form, named as the API's fields. */
export interface UserFormValues {
  contractId?: number | null;
  login: string;
  name?: string | null;
  phone?: string | null;
  email?: string | null;
  password?: string;
  type: UserType;
  blocked: boolean;
}

/** The policy that applies to a contract's users, and whether passwords may be shown in clear. */
export interface PasswordPolicyInForce {
  policy: PasswordPolicyName;
  minLength: number;
  maxLength: number;
  showUserPassword: boolean;
}

export interface LoginAttempt {
  at: string;
  ip: string;
  result: string;
}
