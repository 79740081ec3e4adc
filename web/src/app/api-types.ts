/*
 * The API's answers that several features read, derived from the server's TypeBox schemas so the two
 * sides cannot drift apart. Type-only imports: nothing of the server reaches the bundle. A feature's
 * own answers are derived the same way in its `*-types.ts`.
 */
import type {
  ContractListItem as ContractListItemSchema,
  ContractResponse,
} from '@server-schemas/contracts/contracts.schemas';
import type {
  PartnerListItem as PartnerListItemSchema,
  PartnerResponse,
} from '@server-schemas/partners/partners.schemas';
import type { TariffResponse } from '@server-schemas/tariffs/tariffs.schemas';
import type { Static } from 'typebox';

/** GET /partners/:id. */
export type Partner = Static<typeof PartnerResponse>;
/** A row of GET /partners. */
export type PartnerListItem = Static<typeof PartnerListItemSchema>;
/** GET /contracts/:id. Amounts are decimal strings. */
export type Contract = Static<typeof ContractResponse>;
/** A row of GET /contracts. */
export type ContractListItem = Static<typeof ContractListItemSchema>;
/** A tariff (GET /tariffs/:id, the list's rows and the choices of the price lists). */
export type Tariff = Static<typeof TariffResponse>;

export type AccountType = Partner['accountType'];

/** A page of a list, as every list endpoint answers. */
export interface Page<T> {
  items: T[];
  total: number;
}

/** Another record named in an answer (a parent, a contract, a tariff). */
export interface Reference {
  id: number;
  name: string;
}
