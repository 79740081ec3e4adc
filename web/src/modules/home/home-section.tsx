import { Alert, Card, Col, Empty, List, Row, Space, Spin, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDay } from '../../ui/format-day';
import { SectionPage } from '../../ui/section-page';
import { useHomeOverview, type HomeOverview } from './home-api';

type HomeContract = NonNullable<HomeOverview['debtBlocked']>['items'][number];

/** A contract needing attention: its name opens it in the Contracts section, with what is wrong. */
function ContractLine({ contract, detail }: { contract: HomeContract; detail: string }) {
  return (
    <List.Item>
      <List.Item.Meta
        title={<Link to={`/contracts?open=${contract.id}`}>{contract.name}</Link>}
        description={contract.partner.name}
      />
      <span>{detail}</span>
    </List.Item>
  );
}

/**
 * The home page: what needs attention today in the caller's subtree — contracts blocked for debt or
 * running out, the last billing run, recent payments, balances by currency, counts — each a link to
 * the list it comes from. A part the user may not read is not shown.
 */
export function HomeSection() {
  const { t, i18n } = useTranslation();
  const overview = useHomeOverview();
  const home = overview.data;
  if (overview.isError) return <Alert type="error" showIcon message={t('common.networkError')} />;
  if (!home) return <Spin />;
  const money = (amount: string, currency: string) => `${amount} ${currency}`;
  const counts = home.counts ?? { partners: null, contracts: null, objects: null, users: null };
  const countCards = (['partners', 'contracts', 'objects', 'users'] as const).filter(
    (key) => counts[key] !== null,
  );

  return (
    <SectionPage name="home">
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Row gutter={[16, 16]}>
          {countCards.map((key) => (
            <Col key={key} xs={12} md={6}>
              <Link to={`/${key}`} aria-label={t(`home.counts.${key}`, { count: counts[key] ?? 0 })}>
                <Card hoverable size="small">
                  <Statistic title={t(`home.countTitles.${key}`)} value={counts[key] ?? 0} />
                </Card>
              </Link>
            </Col>
          ))}
        </Row>
        <Row gutter={[16, 16]}>
          {home.debtBlocked && (
            <Col xs={24} lg={12}>
              <Card
                size="small"
                title={t('home.debtBlocked.title')}
                extra={
                  home.debtBlocked.total > 0 && (
                    <Link to="/contracts?debtBlocked=true">
                      {t('home.debtBlocked.all', { count: home.debtBlocked.total })}
                    </Link>
                  )
                }
                data-testid="home-debt-blocked"
              >
                {home.debtBlocked.total === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.debtBlocked.none')} />
                ) : (
                  <List
                    size="small"
                    dataSource={home.debtBlocked.items}
                    renderItem={(contract) => (
                      <ContractLine contract={contract} detail={money(contract.balance, contract.currency)} />
                    )}
                  />
                )}
              </Card>
            </Col>
          )}
          {home.runningOut && (
            <Col xs={24} lg={12}>
              <Card
                size="small"
                title={t('home.runningOut.title', { count: home.runningOut.thresholdDays })}
                extra={<Link to="/contracts?sort=balance&order=asc">{t('home.runningOut.all')}</Link>}
                data-testid="home-running-out"
              >
                {home.runningOut.total === 0 ? (
                  <Empty
                    image={Empty.PRESENTED_IMAGE_SIMPLE}
                    description={
                      home.runningOut.chargedOn === null
                        ? t('home.runningOut.notBilled')
                        : t('home.runningOut.none')
                    }
                  />
                ) : (
                  <List
                    size="small"
                    dataSource={home.runningOut.items}
                    footer={
                      home.runningOut.total > home.runningOut.items.length &&
                      t('home.more', { count: home.runningOut.total - home.runningOut.items.length })
                    }
                    renderItem={(contract) => (
                      <ContractLine
                        contract={contract}
                        detail={t('home.runningOut.daysLeft', {
                          count: contract.daysLeft ?? 0,
                          balance: money(contract.balance, contract.currency),
                        })}
                      />
                    )}
                  />
                )}
              </Card>
            </Col>
          )}
          {home.lastBillingRun && (
            <Col xs={24} lg={12}>
              <Card
                size="small"
                title={t('home.billing.title')}
                extra={<Link to="/billing">{t('home.billing.open')}</Link>}
                data-testid="home-billing"
              >
                <Space wrap>
                  <span>{formatDay(home.lastBillingRun.day, i18n.language)}</span>
                  <Tag
                    color={
                      home.lastBillingRun.status === 'failed'
                        ? 'error'
                        : home.lastBillingRun.issuesCount > 0
                          ? 'warning'
                          : home.lastBillingRun.status === 'completed'
                            ? 'success'
                            : 'processing'
                    }
                  >
                    {home.lastBillingRun.status === 'completed' && home.lastBillingRun.issuesCount > 0
                      ? t('home.billing.withIssues', { count: home.lastBillingRun.issuesCount })
                      : t(`home.billing.status.${home.lastBillingRun.status}`)}
                  </Tag>
                  <span>{t('home.billing.objects', { count: home.lastBillingRun.objectsCharged })}</span>
                </Space>
              </Card>
            </Col>
          )}
          {home.recentPayments && (
            <Col xs={24} lg={12}>
              <Card size="small" title={t('home.payments.title')} data-testid="home-payments">
                {home.recentPayments.length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.payments.none')} />
                ) : (
                  <List
                    size="small"
                    dataSource={home.recentPayments}
                    renderItem={(payment) => (
                      <List.Item>
                        <List.Item.Meta
                          title={
                            payment.contract ? (
                              <Link to={`/contracts?open=${payment.contract.id}`}>
                                {payment.contract.name}
                              </Link>
                            ) : (
                              <Link to="/partners">{payment.partner.name}</Link>
                            )
                          }
                          description={formatDay(payment.valueDate, i18n.language)}
                        />
                        <span>+{money(payment.amount, payment.currency)}</span>
                      </List.Item>
                    )}
                  />
                )}
              </Card>
            </Col>
          )}
          {home.balances && (
            <Col xs={24} lg={12}>
              <Card
                size="small"
                title={t('home.balances.title')}
                extra={<Link to="/contracts?sort=balance&order=asc">{t('home.balances.open')}</Link>}
                data-testid="home-balances"
              >
                {home.balances.length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.balances.none')} />
                ) : (
                  <List
                    size="small"
                    dataSource={home.balances}
                    renderItem={(line) => (
                      <List.Item>
                        <Typography.Text strong>{money(line.balance, line.currency)}</Typography.Text>
                        <span>
                          {line.contractsInDebt === 0
                            ? t('home.balances.noDebt')
                            : t('home.balances.debt', {
                                count: line.contractsInDebt,
                                debt: money(line.debt, line.currency),
                              })}
                        </span>
                      </List.Item>
                    )}
                  />
                )}
              </Card>
            </Col>
          )}
        </Row>
      </Space>
    </SectionPage>
  );
}
