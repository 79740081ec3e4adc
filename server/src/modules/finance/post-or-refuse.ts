import type { Db } from '../../db/connect.js';
import { invalid } from '../../lib/errors.js';
import { postTransfers, type TransferInput } from '../ledger/post-transfers.js';

const NUMERIC_OUT_OF_RANGE = '22003';

/**
 * postTransfers, with an amount the ledger cannot hold refused as the field that asked for it, not as a
 * fault: the transaction rolls back and nothing moves. Balances are unbounded numeric and amounts
 * numeric(38, 2), so this is a guard for what validation let through, not a rule users meet.
 */
export async function postTransfersOrRefuse(trx: Db, transfers: TransferInput[], field: string) {
  try {
    return await postTransfers(trx, transfers);
  } catch (error) {
    if ((error as { code?: string }).code === NUMERIC_OUT_OF_RANGE) {
      throw invalid([{ field, code: 'balance_overflow' }]);
    }
    throw error;
  }
}
