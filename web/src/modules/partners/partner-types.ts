import type { AccountType } from '../../app/api-types';

/** The values of the partner form, named as the API's fields. */
export interface PartnerFormValues {
  name: string;
  email?: string | null;
  phone?: string | null;
  deposit?: string | null;
  iin?: string | null;
  kpp?: string | null;
  vatPercent?: string | null;
  code1c?: string | null;
  region?: string | null;
  blocked: boolean;
  usersBlocked: boolean;
  parentId?: number | null;
  currency: string;
  additionalCurrencies: string[];
  priceTariffId?: number | null;
  partnerPriceTariffId?: number | null;
  organizationType?: string | null;
  accountType: AccountType;
  userPasswordPolicy: 'simple' | 'complex';
  showUserPassword: boolean;
  login: string;
  password?: string;
  currentPassword?: string;
  comment?: string | null;
}
