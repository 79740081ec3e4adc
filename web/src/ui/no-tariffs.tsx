import { Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCan } from '../app/session';

/**
 * What an empty tariff select says: there is nothing to choose yet, and — for whoever may — a link that
 * opens the Tariffs section's Add window in a new tab, so the form being filled here is not lost.
 */
export function NoTariffs() {
  const { t } = useTranslation();
  const can = useCan();
  return (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tariffChoices.none')}>
      {can('tariffs:write') && (
        <Typography.Link href="/tariffs?new=1" target="_blank" rel="noopener">
          {t('tariffChoices.create')}
        </Typography.Link>
      )}
    </Empty>
  );
}
