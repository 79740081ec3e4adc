import type { PortalUserType } from '../../db/schema.js';
import { isValidEmail, normalizePhone } from '../../lib/contact.js';
import type { FieldErrors } from '../../lib/errors.js';
import { checkPassword, type PasswordPolicy } from '../../lib/password-policy.js';
import { emptyToNull } from '../../lib/text.js';
import { loginPattern } from '../partners/partners.public.js';

/** A portal user's editable fields as the API names them: the state a create or an update wants to reach. */
export interface UserDraft {
  contractId: number;
  login: string;
  name: string | null;
  phone: string | null;
  email: string | null;
  type: PortalUserType;
  blocked: boolean;
}

/**
 * Trims the draft, writes the phone in E.164 (a number without + is read in the country of the
 * partner's region) and adds every invalid field to `errors`, so a form gets all problems at once.
 */
export function normaliseUserDraft(draft: UserDraft, errors: FieldErrors, country: string | null): UserDraft {
  const login = draft.login.trim();
  if (!login) errors.add('login', 'required');
  else if (!loginPattern.test(login)) errors.add('login', 'login_format');

  const email = emptyToNull(draft.email);
  if (email !== null && !isValidEmail(email)) errors.add('email', 'email_invalid');

  let phone = emptyToNull(draft.phone);
  if (phone !== null) {
    const normalized = normalizePhone(phone, country);
    if (normalized === null) errors.add('phone', 'phone_invalid');
    else phone = normalized;
  }
  return { ...draft, login, name: emptyToNull(draft.name), email, phone };
}

/** Adds the first rule of the policy that the password breaks, checked against its owner's login and name. */
export function checkUserPassword(
  errors: FieldErrors,
  password: string,
  policy: PasswordPolicy,
  owner: { login: string; name: string | null },
) {
  if (password === '') return errors.add('password', 'required');
  const problem = checkPassword({ password, policy, login: owner.login, name: owner.name });
  if (problem) errors.add('password', problem.code, problem.params);
}
