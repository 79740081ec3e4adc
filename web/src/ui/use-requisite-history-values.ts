import { useTranslation } from 'react-i18next';
import type { Reference } from '../app/api-types';
import { useAccountTypes, useOrganizationTypes } from '../app/reference-queries';
import { codeName, referenceLabel } from './history-labels';

/**
 * The history values a partner and a contract share, made readable: the account and organisation
 * types by their names, the password policy in words (`<textsKey>.passwordPolicy.<code>`), and the
 * record's references (`references`: field → the record it names now) by name. Other values as stored.
 */
export function useRequisiteHistoryValues(
  textsKey: string,
  references: Record<string, Reference | null | undefined>,
) {
  const { t, i18n } = useTranslation();
  const accountTypes = useAccountTypes().data?.items;
  const organizationTypes = useOrganizationTypes(null).data?.items;
  return (field: string, value: unknown): unknown => {
    if (typeof value !== 'string' && typeof value !== 'number') return value;
    if (field in references) return referenceLabel(references[field], Number(value));
    switch (field) {
      case 'accountType':
        return codeName(accountTypes, String(value), i18n.language);
      case 'organizationType':
        return codeName(organizationTypes, String(value), i18n.language);
      case 'userPasswordPolicy':
        return i18n.exists(`${textsKey}.passwordPolicy.${String(value)}`)
          ? t(`${textsKey}.passwordPolicy.${String(value)}`)
          : value;
      default:
        return value;
    }
  };
}
