import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface SectionPageProps {
  /** The section's name in the navigation (`nav.<name>`), also its heading's id (`<name>-title`). */
  name: string;
  children: ReactNode;
}

/** A section of the admin panel: a region named by its heading. */
export function SectionPage({ name, children }: SectionPageProps) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={`${name}-title`}>
      <Typography.Title level={3} id={`${name}-title`} style={{ marginTop: 0 }}>
        {t(`nav.${name}`)}
      </Typography.Title>
      {children}
    </section>
  );
}
