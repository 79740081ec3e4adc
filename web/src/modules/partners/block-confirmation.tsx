import type { PartnerBlockImpact } from '@server-schemas/partners/partners.schemas';
import { App, type FormInstance } from 'antd';
import type { Static } from 'typebox';
import { useTranslation } from 'react-i18next';
import { apiGet } from '../../app/api-client';
import type { Partner } from '../../app/api-types';
import type { PartnerFormValues } from './partner-types';

type BlockImpact = Static<typeof PartnerBlockImpact>;
type BlockSwitch = 'blocked' | 'usersBlocked';

/** The counts each switch's confirmation names, in the order they are read. */
const namedCounts: Record<BlockSwitch, (keyof BlockImpact)[]> = {
  blocked: ['subPartners', 'panelUsers', 'sessions'],
  usersBlocked: ['contracts', 'portalUsers'],
};

/**
 * Turning on Block Partner or Block users of accounts partner asks first, naming what it reaches (the
 * sub-partners, contracts, users and the sessions that end); Cancel turns the switch back off. A new
 * partner reaches nothing yet, so it is not asked about.
 */
export function useBlockConfirmation(form: FormInstance<PartnerFormValues>, partner: Partner | null) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  return async (field: BlockSwitch) => {
    if (partner === null || partner[field]) return;
    const impact = await apiGet<BlockImpact>(`/partners/${partner.id}/block-impact`).catch(() => null);
    void modal.confirm({
      title: t(`partner.blockConfirm.${field}.title`, { name: partner.name }),
      content: (
        <div data-testid="block-impact">
          <p>{t(`partner.blockConfirm.${field}.effect`)}</p>
          {impact && (
            <ul>
              {namedCounts[field].map((count) => (
                <li key={count}>{t(`partner.blockConfirm.counts.${count}`, { count: impact[count] })}</li>
              ))}
            </ul>
          )}
          <p>{t('partner.blockConfirm.onSave')}</p>
        </div>
      ),
      okText: t(`partner.blockConfirm.${field}.ok`),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onCancel: () => form.setFieldValue(field, false),
    });
  };
}
