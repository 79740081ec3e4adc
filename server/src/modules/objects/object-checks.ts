import { AppError, type FieldError } from '../../lib/errors.js';
import { countryOfRegion } from '../reference/reference.public.js';
import { pathInScope, type Scope } from '../scope/scope.public.js';
import { resolveObjectTariff } from './object-tariff-rule.js';
import type { ContractForObjects, findLiveDeviceHolders } from './objects.repository.js';

/*
 * Checks shared by a single create and a bulk import, so a row of a file is judged exactly like a
 * form. A contract outside the caller's subtree reads as missing: the answer never reveals it.
 */

export function contractProblem(contract: ContractForObjects | undefined): FieldError | null {
  if (!contract) return { field: 'contractId', code: 'contract_not_found' };
  if (contract.archived_at !== null) return { field: 'contractId', code: 'contract_archived' };
  return null;
}

/** The tariff a new object of the contract is pinned to (the tariff rule), or a field error. */
export function pinnedTariffOf(contract: ContractForObjects): { tariffId: number } | FieldError {
  const tariffId = resolveObjectTariff({
    contractTariffId: contract.tariff_id,
    priceTariffIdsNearestFirst: contract.price_chain,
  });
  return tariffId === null ? { field: 'contractId', code: 'no_tariff' } : { tariffId };
}

/** The country whose numbering reads a SIM phone typed without +: the contract partner's region's. */
export const phoneCountryOf = (contract: ContractForObjects | undefined) =>
  contract?.region ? countryOfRegion(contract.region) : null;

type DeviceHolder = Awaited<ReturnType<typeof findLiveDeviceHolders>>[number];

/**
 * The field error for a device ID that a live object already holds. Inside the caller's subtree it
 * names that object; outside it says nothing about it, not even that it is outside.
 */
export function deviceTakenError(holder: DeviceHolder, scope: Scope): FieldError {
  return pathInScope(scope, holder.path)
    ? {
        field: 'deviceId',
        code: 'device_id_taken_by',
        params: { objectId: holder.id, objectName: holder.name },
      }
    : { field: 'deviceId', code: 'device_id_taken' };
}

export const deviceTaken = (error: FieldError) => new AppError('device_id_taken', 409, [error]);
