import type { Db } from '../../db/connect.js';
import { invalid } from '../../lib/errors.js';
import { postTransfers, type TransferInput } from '../ledger/post-transfers.js';

const NUMERIC_OUT_OF_RANGE = '22003';

/**
 * postTransfers, with a balance that cannot hold the result (numeric(20, 2): beyond 10^18) refused as
 * the field that asked for it, not as a fault: the transaction rolls back and nothing moves.
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
