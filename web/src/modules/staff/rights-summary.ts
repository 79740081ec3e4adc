import type { TFunction } from 'i18next';

/**
 * A user's rights in one line for the list: "All rights", else the areas written and the areas only
 * read ("Write: Finance · Read: Partners, Contracts").
 */
export function rightsSummary(t: TFunction, rights: readonly string[], catalogue: readonly string[]) {
  if (catalogue.length > 0 && catalogue.every((right) => rights.includes(right))) {
    return t('staffList.allRights');
  }
  const areasWith = (access: 'read' | 'write') =>
    rights
      .filter((right) => right.endsWith(`:${access}`))
      .map((right) => right.slice(0, right.indexOf(':')))
      .filter((area) => access === 'write' || !rights.includes(`${area}:write`))
      .map((area) => t(`staffUser.areas.${area}`, { defaultValue: area }));
  const written = areasWith('write');
  const read = areasWith('read');
  const parts = [
    ...(written.length ? [t('staffList.writeSummary', { areas: written.join(', ') })] : []),
    ...(read.length ? [t('staffList.readSummary', { areas: read.join(', ') })] : []),
  ];
  return parts.length ? parts.join(' · ') : t('staffList.noRights');
}
