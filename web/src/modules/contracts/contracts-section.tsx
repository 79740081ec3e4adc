import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ContractsList } from './contracts-list';

/** The Contracts section: every contract of the caller's subtree, its toolbar and the contract window. */
export function ContractsSection() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="contracts-title">
      <Typography.Title level={3} id="contracts-title" style={{ marginTop: 0 }}>
        {t('nav.contracts')}
      </Typography.Title>
      <ContractsList />
    </section>
  );
}
