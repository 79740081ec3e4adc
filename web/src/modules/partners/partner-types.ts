import type { PartnerTree } from '@server-schemas/partners/partners.schemas';
import type { Static } from 'typebox';
import type { AccountType } from '../../app/api-types';

/** GET /partners/tree: a level of the partner tree, or what a search found in it. */
export type PartnerTreeAnswer = Static<typeof PartnerTree>;
/** A partner as the tree shows it. */
export type PartnerTreeNode = PartnerTreeAnswer['items'][number];

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
