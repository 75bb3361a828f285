/** 首页: what needs attention this month. */
import { Button, Card, Col, List, Result, Row, Skeleton, Statistic, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { formatYuan } from '../../../../shared/domain/money';
import { CERTIFICATE_NAMES, LEVEL_NAMES } from '../../../../shared/domain/glossary';
import type { CertificateType, Level } from '../../../../shared/domain/model';
import { useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ExpiryTag } from '../../ui/ExpiryTag';
import { PageTitle } from '../../ui/headings';
import { PageHeader } from '../../ui/PageHeader';
import { formatCount, formatHours } from '../../ui/format';
import { currentMonth, todayLocal } from '../../ui/dates';
import { useCan } from '../auth/session';
import { S } from './strings';

const STATUS_COLORS: Record<string, string> = { none: 'default', draft: 'blue', submitted: 'green', settled: 'purple' };

/** A month not yet over: its bed-days and amounts are projected to month-end (a stay runs on), so say so. */
const projectedTitle = (title: string, projected: boolean) => (projected ? S.claim.projectedTitle(title) : title);

/**
 * A reminder list shows the soonest first, a page at a time: a big institution has hundreds of
 * assessments running out within 60 days, and drawing them all would hold up the whole screen.
 */
const REMINDER_PAGE = 8;
const reminderPages = (n: number) =>
  n > REMINDER_PAGE ? { pageSize: REMINDER_PAGE, size: 'small' as const, showSizeChanger: false, align: 'end' as const } : false;

function SoFar({ value, testId }: { value: string; testId: string }) {
  return (
    <Typography.Text type="secondary" data-testid={testId}>
      {S.claim.soFar(value)}
    </Typography.Text>
  );
}

export function HomePage() {
  const month = currentMonth();
  const navigate = useNavigate();
  // the month's money is for 管理员 and 院长 (shared/api/permissions.ts)
  const mayClaim = useCan('dashboard.claim');
  const q = useApiQuery('dashboard.get', { month, today: todayLocal() });
  if (q.isLoading) return <Skeleton active />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const d = q.data;
  if (!d) return null;
  if (!d.institutionName) {
    return (
      <Result
        status="info"
        title={<PageTitle style={{ margin: 0 }}>{S.welcome}</PageTitle>}
        subTitle={S.firstStep}
        extra={
          <Button type="primary" onClick={() => void navigate('/settings/institution')}>
            {S.setUp}
          </Button>
        }
      />
    );
  }
  return (
    <>
      <PageHeader title={d.institutionName} subtitle={S.subtitle(month, d.today)} />
      <Row gutter={[16, 16]}>
        <Col xs={12} lg={6}>
          <Card>
            <Statistic title={S.inStay} value={d.counts.inStay} suffix={S.ofResidents(formatCount(d.counts.residents))} />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card>
            <Statistic title={S.staff} value={d.counts.staff} />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card>
            <Statistic title={S.visits} value={d.counts.visitsThisMonth} suffix={S.times} />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card>
            <Statistic
              title={S.unconfirmed}
              value={d.unconfirmedVisits}
              suffix={S.times}
              valueStyle={{ color: d.unconfirmedVisits > 0 ? '#d46b08' : undefined }}
            />
            {d.unconfirmedVisits > 0 && <Link to="/visits?status=unconfirmed">{S.goConfirm}</Link>}
          </Card>
        </Col>
      </Row>

      {mayClaim && <ClaimCard month={month} />}

      {d.plansThisWeek && (
        <Card
          title={S.plansWeek.title(d.plansThisWeek.from, d.plansThisWeek.to)}
          style={{ marginTop: 16 }}
          extra={<Link to={`/plans?tab=compare&month=${d.plansThisWeek.from.slice(0, 7)}`}>{S.plansWeek.go}</Link>}
          data-testid="home-plans-week"
        >
          <Row gutter={16}>
            <Col span={6}>
              <Statistic title={S.plansWeek.planned} value={d.plansThisWeek.planned} suffix={S.times} />
            </Col>
            <Col span={6} data-testid="home-plans-matched">
              <Statistic title={S.plansWeek.matched} value={d.plansThisWeek.matched} suffix={S.times} />
            </Col>
            <Col span={6} data-testid="home-plans-missed">
              <Statistic
                title={S.plansWeek.missed}
                value={d.plansThisWeek.missed}
                suffix={S.times}
                valueStyle={{ color: d.plansThisWeek.missed > 0 ? '#cf1322' : undefined }}
              />
            </Col>
            <Col span={6}>
              <Statistic
                title={S.plansWeek.unplanned}
                value={d.plansThisWeek.unplanned}
                suffix={S.times}
                valueStyle={{ color: d.plansThisWeek.unplanned > 0 ? '#d46b08' : undefined }}
              />
            </Col>
          </Row>
        </Card>
      )}

      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col xs={24} lg={12}>
          <Card
            title={S.assessments(d.reminderLeadDays.join('/'))}
            extra={d.assessmentsExpiring.length > 0 && S.reminderCount(d.assessmentsExpiring.length)}
            data-testid="home-assessments"
          >
            <List
              pagination={reminderPages(d.assessmentsExpiring.length)}
              locale={{ emptyText: S.noAssessments }}
              dataSource={d.assessmentsExpiring}
              renderItem={(a) => (
                <List.Item extra={<ExpiryTag daysLeft={a.daysLeft} />}>
                  <Link to={`/residents/${a.residentId}`}>{a.name}</Link>
                  <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                    {S.assessment(a.level, LEVEL_NAMES[a.level as Level], a.endsOn)}
                  </Typography.Text>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            title={S.certificates}
            extra={d.certificatesExpiring.length > 0 && S.reminderCount(d.certificatesExpiring.length)}
            data-testid="home-certificates"
          >
            <List
              pagination={reminderPages(d.certificatesExpiring.length)}
              locale={{ emptyText: S.noCertificates }}
              dataSource={d.certificatesExpiring}
              renderItem={(c) => (
                <List.Item extra={<ExpiryTag daysLeft={c.daysLeft} />}>
                  <Link to={`/staff/${c.staffId}`}>{c.name}</Link>
                  <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                    {S.certificate(CERTIFICATE_NAMES[c.certificateType as CertificateType] ?? c.certificateType, c.number, c.expiresOn)}
                  </Typography.Text>
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}

/**
 * The month's claim as it stands: its own call (dashboard.claim), so the rest of the screen does not wait
 * while a big month is computed; the card holds a placeholder meanwhile.
 */
function ClaimCard({ month }: { month: string }) {
  const q = useApiQuery('dashboard.claim', { month, today: todayLocal() });
  const c = q.data ?? null;
  const claimStatus = c?.status ?? 'none';
  const status = { text: S.claim.status[claimStatus] ?? S.claim.status.none, color: STATUS_COLORS[claimStatus] ?? 'default' };
  return (
    <Card
      title={
        <>
          {S.claim.title} {c && <Tag color={status.color}>{status.text}</Tag>}
          {c?.projected && (
            <Tag color="gold" data-testid="home-claim-projected">
              {S.claim.projected}
            </Tag>
          )}
        </>
      }
      style={{ marginTop: 16 }}
      extra={<Link to="/claims">{S.claim.go}</Link>}
      data-testid="home-claim"
    >
      {q.isLoading && <Skeleton active paragraph={{ rows: 1 }} />}
      <ErrorAlert error={q.error} />
      {c && (
        <Row gutter={16}>
          <Col span={4}>
            <Statistic title={S.claim.persons} value={c.totals.persons} />
          </Col>
          <Col span={4}>
            <Statistic title={projectedTitle(S.claim.days, c.projected)} value={c.totals.billableDays} />
            {c.toDate && <SoFar testId="home-claim-today-days" value={formatCount(c.toDate.billableDays)} />}
          </Col>
          <Col span={4}>
            <Statistic title={S.claim.hours} value={formatHours(c.totals.coveredMinutes)} />
          </Col>
          <Col span={4}>
            <Statistic title={projectedTitle(S.claim.fee, c.projected)} value={formatYuan(c.totals.feeFen)} />
            {c.toDate && <SoFar testId="home-claim-today-fee" value={formatYuan(c.toDate.feeFen)} />}
          </Col>
          <Col span={4}>
            <Statistic title={projectedTitle(S.claim.fund, c.projected)} value={formatYuan(c.totals.fundFen)} />
            {c.toDate && <SoFar testId="home-claim-today-fund" value={formatYuan(c.toDate.fundFen)} />}
          </Col>
          <Col span={4}>
            <Statistic
              title={S.claim.issues}
              value={c.errors}
              suffix={S.claim.issuesSuffix(c.warnings)}
              valueStyle={{ color: c.errors > 0 ? '#cf1322' : '#389e0d' }}
            />
          </Col>
        </Row>
      )}
    </Card>
  );
}
