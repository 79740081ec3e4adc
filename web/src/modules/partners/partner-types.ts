/** A partner as the API returns it (GET /partners/:id). */
export interface Partner {
  id: number;
  name: string;
  email: string | null;
  phone: string | null;
  deposit: string;
  iin: string | null;
  kpp: string | null;
  vatPercent: string | null;
  code1c: string | null;
  region: string | null;
  blocked: boolean;
  usersBlocked: boolean;
  blockedByAncestor: boolean;
  usersBlockedByAncestor: boolean;
  parentId: number | null;
  parent: Reference | null;
  currency: string;
  additionalCurrencies: string[];
  priceTariffId: number | null;
  priceTariff: Reference | null;
  partnerPriceTariffId: number | null;
  partnerPriceTariff: Reference | null;
  organizationType: string | null;
  accountType: AccountType;
  userPasswordPolicy: 'simple' | 'complex';
  showUserPassword: boolean;
  login: string | null;
  comment: string | null;
  balance: string;
  accountsCount: number;
  vehiclesCount: number;
  version: number;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
}

export type AccountType = 'prepayment' | 'postpayment' | 'postpayment_light';

export interface Reference {
  id: number;
  name: string;
}

export interface PartnerListItem {
  id: number;
  name: string;
  tariff: Reference | null;
  balance: string;
  currency: string;
  email: string | null;
  phone: string | null;
  login: string | null;
  accountsCount: number;
  vehiclesCount: number;
  parent: Reference | null;
  comment: string | null;
  blocked: boolean;
  usersBlocked: boolean;
  archivedAt: string | null;
}

export interface Page<T> {
  items: T[];
  total: number;
}

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

export type { HistoryEntry } from '../../ui/history-table';
