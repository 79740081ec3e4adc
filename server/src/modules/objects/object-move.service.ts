import { conflict, forbidden, invalid } from '../../lib/errors.js';
import { isAdministrator, scopeOf } from '../auth/auth.public.js';
import { recordAuditEvent } from '../audit/audit.public.js';
import { findTariffForUse, isTariffAvailable } from '../tariffs/tariffs.public.js';
import { contractProblem } from './object-checks.js';
import { findContractsForObjects, moveObjectRow } from './objects.repository.js';
import type { MoveBody } from './objects.schemas.js';
import { loadObject, type Call } from './objects.service.js';
import { inTransaction } from '../../db/transactions.js';

/**
 * Moves an object to another contract of the caller's subtree; it keeps its tariff, its partner follows.
 * Objects stored in a warehouse account carry no fee, so putting one in or taking one out changes what
 * is billed: only administrators decide that, not staff users. Both contracts are inside the caller's
 * subtree (others read as missing), so the warehouse's owning partner is in its scope.
 */
export async function moveObject(options: Call & { id: number; input: MoveBody }) {
  const { db, actor, id, input } = options;
  const current = await loadObject(db, actor, id);
  if (current.archivedAt !== null) throw conflict('archived');
  if (input.contractId === current.contractId) return current;
  const contracts = await findContractsForObjects(db, [current.contractId, input.contractId], scopeOf(actor));
  const source = contracts.find((contract) => contract.id === current.contractId);
  const target = contracts.find((contract) => contract.id === input.contractId);
  const problem = contractProblem(target);
  if (problem) throw invalid([problem]);
  if ((source?.is_warehouse || target!.is_warehouse) && !isAdministrator(actor)) {
    throw forbidden('warehouse_move_forbidden');
  }
  // The pinned tariff is kept, so the new contract's partner must sell it, in the contract's currency
  // (else a sibling's own price would be billed, and named, where it is not sold).
  const tariff = await findTariffForUse(db, current.tariffId);
  if (!isTariffAvailable(tariff, target!.path)) {
    throw invalid([{ field: 'contractId', code: 'move_tariff_unavailable' }]);
  }
  if (tariff && tariff.currency !== target!.currency) {
    throw invalid([{ field: 'contractId', code: 'move_currency_mismatch' }]);
  }
  await inTransaction(db, async (trx) => {
    await moveObjectRow(trx, id, { id: target!.id, partnerId: target!.partner_id });
    await recordAuditEvent(trx, {
      entityType: 'object',
      entityId: id,
      action: 'moved',
      changes: [
        { field: 'contractId', old: current.contractId, new: target!.id },
        ...(current.partnerId === target!.partner_id
          ? []
          : [{ field: 'partnerId', old: current.partnerId, new: target!.partner_id }]),
      ],
      actor,
      requestId: options.requestId,
    });
  });
  return loadObject(db, actor, id);
}
