/** What the availability rule needs of a tariff (findTariffForUse selects it). */
interface TariffOwnership {
  owner_partner_id: number | null;
  archived_at: Date | null;
}

/**
 * The one rule of who may use a tariff: it is live, and owned by the platform or by one of `owners` —
 * the partners on the path of the partner that sells it (a partner's Price, a contract's Tariff, a
 * reprice), or on its parent's path (a Partner price).
 */
export function isTariffAvailable(tariff: TariffOwnership | undefined, owners: readonly number[]): boolean {
  if (!tariff || tariff.archived_at !== null) return false;
  return tariff.owner_partner_id === null || owners.includes(tariff.owner_partner_id);
}
