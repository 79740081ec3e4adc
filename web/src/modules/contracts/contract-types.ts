import type { AccountType, Reference } from '../partners/partner-types';

export type { AccountType, Reference };
export type UserPasswordPolicy = 'inherit' | 'simple' | 'complex';

/** A contract as the API returns it (GET /contracts/:id). Amounts are decimal strings. */
export interface Contract {
  id: number;
  partnerId: number;
  partner: Reference;
  name: string;
  email: string | null;
  phone: string | null;
  balance: string;
  deposit: string;
  iin: string | null;
  kpp: string | null;
  currency: string;
  tariffId: number | null;
  tariff: Reference | null;
  organizationType: string | null;
  accountType: AccountType;
  blockingLimit: string | null;
  code1c: string | null;
  active: boolean;
  isWarehouse: boolean;
  blocked: boolean;
  userPasswordPolicy: UserPasswordPolicy;
  comment: string | null;
  objectsCount: number;
  usersCount: number;
  version: number;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
}

/** One row of GET /contracts. */
export interface ContractListItem {
  id: number;
  name: string;
  partner: Reference;
  tariff: Reference | null;
  balance: string;
  currency: string;
  email: string | null;
  phone: string | null;
  iin: string | null;
  accountType: AccountType;
  blockingLimit: string | null;
  code1c: string | null;
  active: boolean;
  isWarehouse: boolean;
  blocked: boolean;
  comment: string | null;
  objectsCount: number;
  usersCount: number;
  archivedAt: string | null;
}

/** The values of the contract form, named as the API's fields. */
export interface ContractFormValues {
  name: string;
  email?: string | null;
  phone?: string | null;
  deposit?: string | null;
  iin?: string | null;
  kpp?: string | null;
  partnerId?: number | null;
  currency?: string | null;
  tariffId?: number | null;
  organizationType?: string | null;
  accountType: AccountType;
  blockingLimit?: string | null;
  code1c?: string | null;
  active: boolean;
  isWarehouse: boolean;
  blocked: boolean;
  userPasswordPolicy: UserPasswordPolicy;
  comment?: string | null;
}
