import type {
  LoginHistoryResponse,
  PasswordPolicyResponse,
  UserResponse,
} from '@server-schemas/users/users.schemas';
import type { Static } from 'typebox';

/** A portal user as the API returns it. */
export type PortalUser = Static<typeof UserResponse>;
export type UserType = PortalUser['type'];

/** The policy that applies to a contract's users, and whether passwords may be shown in clear. */
export type PasswordPolicyInForce = Static<typeof PasswordPolicyResponse>;

/** One portal login attempt: when, from where and how it ended. */
export type LoginAttempt = Static<typeof LoginHistoryResponse>['items'][number];

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
