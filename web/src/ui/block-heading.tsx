import { Typography } from 'antd';

/** The heading of a block of a long form (General, Access, …). */
export function BlockHeading({ children }: { children: string }) {
  return (
    <Typography.Title level={5} style={{ marginTop: 8 }}>
      {children}
    </Typography.Title>
  );
}
