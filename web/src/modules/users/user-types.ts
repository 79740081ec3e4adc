import type {
  LoginHistoryResponse,
  MasterLoginResponse,
  PasswordPolicyResponse,
  ResetPasswordResponse,
  UserResponse,
} from '@server-schemas/users/users.schemas';
import type { Static } from 'typebox';

/** A portal user as the API returns it. */
export type PortalUser = Static<typeof UserResponse>;
export type UserType = PortalUser['type'];

/** The policy that applies to a contract's users, and whether passwords may be shown in clear. */
export type PasswordPolicyInForce = Static<typeof PasswordPolicyResponse>;

/** After Reset password: the new password, shown once where the partner allows it; else null. */
export type ResetPasswordAnswer = Static<typeof ResetPasswordResponse>;

/** After "Log in as": the single-use token, until when it works, and the portal to open with it. */
export type MasterLoginAnswer = Static<typeof MasterLoginResponse>;

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
