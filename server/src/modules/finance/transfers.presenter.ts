import { decimal, formatAmount } from '../../lib/money.js';
import type { Actor } from '../auth/auth.public.js';
import type { TransferDetails } from './transfers.repository.js';

/**
 * Who entered a transfer is shown only when that person exists for the viewer: a super administrator
 * sees everyone; a partner's people see the people of their own subtree (as the History does).
 */
function actorLoginFor(viewer: Pick<Actor, 'partnerId'>, row: TransferDetails): string | null {
  if (row.actor_login === null) return null;
  if (viewer.partnerId === null) return row.actor_login;
  return row.actor_partner_path?.includes(viewer.partnerId) ? row.actor_login : null;
}

/**
 * A transfer as the API shows it. `accountIds` are the accounts the list is filtered to: the
 * signed amount says whether the transfer brought money into them (+) or took it out (-).
 */
export function presentTransfer(
  row: TransferDetails,
  viewer: Pick<Actor, 'partnerId'>,
  accountIds?: readonly number[],
) {
  let signedAmount: string | null = null;
  if (accountIds !== undefined) {
    const amount = formatAmount(row.amount);
    if (accountIds.includes(Number(row.credit_account_id))) signedAmount = amount;
    else if (accountIds.includes(Number(row.debit_account_id))) signedAmount = `-${amount}`;
  }
  return {
    id: Number(row.id),
    kind: row.kind,
    currency: row.currency,
    amount: formatAmount(row.amount),
    signedAmount,
    partnerId: Number(row.partner_id),
    partnerName: row.partner_name,
    contractId: row.contract_id === null ? null : Number(row.contract_id),
    contractName: row.contract_name,
    objectId: row.object_id === null ? null : Number(row.object_id),
    objectName: row.object_name,
    quantity: row.quantity === null ? null : Number(row.quantity),
    unitAmount:
      row.kind === 'charge' && row.quantity !== null
        ? formatAmount(decimal(row.amount).dividedBy(row.quantity).toFixed(2))
        : null,
    level: row.level === null ? null : Number(row.level),
    chargeDay: row.charge_day,
    tariffId: row.tariff_id === null ? null : Number(row.tariff_id),
    valueDate: row.value_date,
    reversesId: row.reverses_id === null ? null : Number(row.reverses_id),
    reversedById: row.reversed_by_id === null ? null : Number(row.reversed_by_id),
    comment: row.comment,
    actorLogin: actorLoginFor(viewer, row),
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export type TransferResponse = ReturnType<typeof presentTransfer>;
