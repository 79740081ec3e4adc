import { today } from '../../lib/clock.js';
import type { TariffRecord } from './tariffs.repository.js';

/** What leaves the server of a tariff; the price shown is the one in force today. */
export function presentTariff(row: TariffRecord) {
  const versions = row.versions ?? [];
  const day = today();
  const inForce =
    [...versions].reverse().find((version) => version.effectiveFrom <= day) ?? versions[0] ?? null;
  return {
    id: row.id,
    name: row.name,
    currency: row.currency,
    period: row.period,
    price: inForce?.price ?? null,
    priceEffectiveFrom: inForce?.effectiveFrom ?? null,
    ownerPartnerId: row.owner_partner_id,
    ownerPartnerName: row.owner_partner_name,
    ownedByAncestor: false,
    versions,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    archivedAt: row.archived_at?.toISOString() ?? null,
  };
}

/**
 * A tariff as a partner administrator sees it: one owned by an ancestor (which it may sell) does not
 * name its owner, a partner outside the caller's subtree.
 */
export function presentTariffFor(actor: { partnerId: number | null }) {
  return (row: TariffRecord) => {
    const tariff = presentTariff(row);
    const ownerOutside =
      actor.partnerId !== null &&
      row.owner_partner_id !== null &&
      !(row.owner_path ?? []).includes(actor.partnerId);
    return ownerOutside
      ? { ...tariff, ownerPartnerId: null, ownerPartnerName: null, ownedByAncestor: true }
      : tariff;
  };
}
