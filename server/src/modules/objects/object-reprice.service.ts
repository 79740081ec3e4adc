import { today } from '../../lib/clock.js';
import { FieldErrors } from '../../lib/errors.js';
import { scopeOf } from '../auth/auth.public.js';
import { findPartnerInScope } from '../scope/scope.public.js';
import { findTariffForUse } from '../tariffs/tariffs.public.js';
import { contractProblem } from './object-checks.js';
import {
  findContractsForObjects,
  findRepriceContracts,
  repriceObjects,
  type RepriceTarget,
} from './objects.repository.js';
import type { RepriceBody } from './objects.schemas.js';
import type { Call } from './objects.service.js';
import { inTransaction } from '../../db/transactions.js';

/** The reprice's target and the path of the partner that owns its objects, or field errors. */
async function resolveTarget(call: Call, input: RepriceBody, errors: FieldErrors) {
  const { db, actor } = call;
  const given = [input.contractId, input.partnerId].filter((id) => id !== undefined).length;
  if (given !== 1) {
    errors.add('contractId', given === 0 ? 'required' : 'reprice_one_target');
    return null;
  }
  if (input.contractId !== undefined) {
    const [contract] = await findContractsForObjects(db, [input.contractId], scopeOf(actor));
    const problem = contractProblem(contract);
    if (problem) {
      errors.add(problem.field, problem.code);
      return null;
    }
    return { target: { contractId: contract!.id } as RepriceTarget, ownerPath: contract!.path };
  }
  const partner = await findPartnerInScope(db, input.partnerId!, scopeOf(actor));
  if (!partner || partner.archived_at !== null) {
    errors.add('partnerId', 'partner_not_found');
    return null;
  }
  return { target: { partnerId: partner.id } as RepriceTarget, ownerPath: partner.path };
}

/**
 * Moves the live objects of one contract, or of all contracts of one partner, to a tariff from a day
 * on: the explicit "apply to existing objects" of the tariff rule. The tariff must be one the owning
 * partner may sell (the platform's or an ancestor's or its own) in every affected contract's currency.
 */
export async function repriceObjectsOf(call: Call & { input: RepriceBody }) {
  const { db, actor, input } = call;
  const errors = new FieldErrors();
  // Days already charged are never rewritten.
  if (input.effectiveFrom < today()) errors.add('effectiveFrom', 'effective_from_past');
  const resolved = await resolveTarget(call, input, errors);
  // The tariff is judged only for a target the caller may see: otherwise whether the error names the
  // tariff would tell a missing tariff id from an existing one (security review, finding 5).
  const tariff = resolved ? await findTariffForUse(db, input.tariffId) : undefined;
  if (resolved) {
    const sellable =
      tariff &&
      tariff.archived_at === null &&
      (tariff.owner_partner_id === null || resolved.ownerPath.includes(tariff.owner_partner_id));
    if (!sellable) errors.add('tariffId', 'tariff_not_available');
  }
  errors.throwIfAny();

  return inTransaction(db, async (trx) => {
    const contracts = await findRepriceContracts(trx, resolved!.target);
    const foreign = contracts.find((contract) => contract.currency !== tariff!.currency);
    if (foreign) {
      errors.add('tariffId', 'reprice_currency', { contract: foreign.name, currency: foreign.currency });
      errors.throwIfAny();
    }
    const repriced = await repriceObjects(trx, {
      target: resolved!.target,
      tariffId: tariff!.id,
      effectiveFrom: input.effectiveFrom,
      actor,
      requestId: call.requestId,
    });
    return { repriced };
  });
}
