import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ObjectsList } from './objects-list';

/** The Objects section: every object of the caller's subtree. */
export function ObjectsSection() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="objects-title">
      <Typography.Title level={3} id="objects-title" style={{ marginTop: 0 }}>
        {t('nav.objects')}
      </Typography.Title>
      <ObjectsList />
    </section>
  );
}
