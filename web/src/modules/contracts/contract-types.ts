import type { ContractCreate } from '@server-schemas/contracts/contracts.schemas';
import type { Static } from 'typebox';
import type { AccountType, Contract } from '../../app/api-types';

export type UserPasswordPolicy = Contract['userPasswordPolicy'];

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
  /** Sent with a copy: the contract it copies (History says "cloned from"). */
  clonedFrom?: number | null;
}

/** GET /contracts/:id/clone: the copy Clone proposes, in the shape POST /contracts takes. */
export type ContractCopy = Static<typeof ContractCreate>;
