/* The scope module's public face: the partner tree as every other module sees it. */
export { PLATFORM_SCOPE, pathInScope, scopeOfPartner, type Scope } from './scope.js';
export {
  blockingPartner,
  inSubtree,
  partnerIdInScope,
  partnerPathInScope,
  passwordPolicyInForce,
  scopedPartnerId,
  scopedPath,
  subtreePartnerIds,
} from './scope.sql.js';
export type { BlockingPartner } from './scope.sql.js';
export {
  findContractInScope,
  findPartnerInScope,
  findSubtreePartnerIds,
  type ContractInScope,
  type PartnerInScope,
} from './scope.repository.js';
