/*
 * The tariff rule: a new object is pinned to its contract's Tariff, else to the Price of the
 * contract's partner, else to the Price of the nearest ancestor that has one — a Price in the
 * contract's currency (a contract bills in one currency; the contract's own Tariff always is in it). Later changes of those
 * tariffs never touch existing objects; only an explicit reprice does.
 */

export interface TariffSources {
  contractTariffId: number | null;
  /** The Price of the contract's partner and of each ancestor (null when none in the contract's currency), the partner first. */
  priceTariffIdsNearestFirst: readonly (number | null)[];
}

/** The tariff a new object of the contract is pinned to, or null when none applies anywhere. */
export function resolveObjectTariff(sources: TariffSources): number | null {
  if (sources.contractTariffId !== null) return sources.contractTariffId;
  return sources.priceTariffIdsNearestFirst.find((id) => id !== null) ?? null;
}
