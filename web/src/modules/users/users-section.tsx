import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { UsersList } from './users-list';

/** The Users section: every portal user of the caller's subtree. */
export function UsersSection() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="users-title">
      <Typography.Title level={3} id="users-title" style={{ marginTop: 0 }}>
        {t('nav.users')}
      </Typography.Title>
      <UsersList />
    </section>
  );
}
