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

const STATUS: Record<string, { text: string; color: string }> = {
  none: { text: '未申报', color: 'default' },
  draft: { text: '草稿', color: 'blue' },
  submitted: { text: '已申报', color: 'green' },
  settled: { text: '已结算', color: 'purple' },
};

/** A month not yet over: its bed-days and amounts are projected to month-end (a stay runs on), so say so. */
const projectedTitle = (title: string, projected: boolean) => (projected ? `${title} · 预计` : title);

function SoFar({ value, testId }: { value: string; testId: string }) {
  return (
    <Typography.Text type="secondary" data-testid={testId}>
      截至今日 {value}
    </Typography.Text>
  );
}

export function HomePage() {
  const month = currentMonth();
  const navigate = useNavigate();
  const q = useApiQuery('dashboard.get', { month, today: todayLocal() });
  if (q.isLoading) return <Skeleton active />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const d = q.data;
  if (!d) return null;
  if (!d.institutionName) {
    return (
      <Result
        status="info"
        title={<PageTitle style={{ margin: 0 }}>欢迎使用长护助手</PageTitle>}
        subTitle="第一步：填写本机构的名称、统一社会信用代码、定点机构编码和所适用的政策包。"
        extra={
          <Button type="primary" onClick={() => void navigate('/settings/institution')}>
            设置机构
          </Button>
        }
      />
    );
  }
  const status = STATUS[d.claim?.status ?? 'none'] ?? { text: '未申报', color: 'default' };
  return (
    <>
      <PageHeader title={d.institutionName} subtitle={`${month} 本月概况（今天 ${d.today}）`} />
      <Row gutter={[16, 16]}>
        <Col xs={12} lg={6}>
          <Card>
            <Statistic title="在住/在服务对象" value={d.counts.inStay} suffix={`/ ${d.counts.residents}`} />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card>
            <Statistic title="在职员工" value={d.counts.staff} />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card>
            <Statistic title="本月上门服务" value={d.counts.visitsThisMonth} suffix="次" />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card>
            <Statistic title="未签字确认的服务" value={d.unconfirmedVisits} suffix="次" valueStyle={{ color: d.unconfirmedVisits > 0 ? '#d46b08' : undefined }} />
            {d.unconfirmedVisits > 0 && <Link to="/visits?status=unconfirmed">去补签</Link>}
          </Card>
        </Col>
      </Row>

      <Card
        title={
          <>
            本月结算 <Tag color={status.color}>{status.text}</Tag>
            {d.claim?.projected && <Tag color="gold" data-testid="home-claim-projected">预计：按现有记录推算到月末</Tag>}
          </>
        }
        style={{ marginTop: 16 }}
        extra={<Link to="/claims">去结算</Link>}
        data-testid="home-claim"
      >
        {d.claim && (
          <Row gutter={16}>
            <Col span={4}><Statistic title="结算人数" value={d.claim.totals.persons} /></Col>
            <Col span={4}>
              <Statistic title={projectedTitle('床日', d.claim.projected)} value={d.claim.totals.billableDays} />
              {d.claim.toDate && <SoFar testId="home-claim-today-days" value={formatCount(d.claim.toDate.billableDays)} />}
            </Col>
            <Col span={4}><Statistic title="服务时长（小时）" value={formatHours(d.claim.totals.coveredMinutes)} /></Col>
            <Col span={4}>
              <Statistic title={projectedTitle('费用合计（元）', d.claim.projected)} value={formatYuan(d.claim.totals.feeFen)} />
              {d.claim.toDate && <SoFar testId="home-claim-today-fee" value={formatYuan(d.claim.toDate.feeFen)} />}
            </Col>
            <Col span={4}>
              <Statistic title={projectedTitle('基金支付（元）', d.claim.projected)} value={formatYuan(d.claim.totals.fundFen)} />
              {d.claim.toDate && <SoFar testId="home-claim-today-fund" value={formatYuan(d.claim.toDate.fundFen)} />}
            </Col>
            <Col span={4}>
              <Statistic title="待处理问题" value={d.claim.errors} suffix={`错误 / ${d.claim.warnings} 警告`} valueStyle={{ color: d.claim.errors > 0 ? '#cf1322' : '#389e0d' }} />
            </Col>
          </Row>
        )}
      </Card>

      {d.plansThisWeek && (
        <Card
          title={`本周服务计划执行（${d.plansThisWeek.from} 至 ${d.plansThisWeek.to}，截至昨天）`}
          style={{ marginTop: 16 }}
          extra={<Link to={`/plans?tab=compare&month=${d.plansThisWeek.from.slice(0, 7)}`}>查看计划与实际</Link>}
          data-testid="home-plans-week"
        >
          <Row gutter={16}>
            <Col span={6}><Statistic title="已到期的计划上门" value={d.plansThisWeek.planned} suffix="次" /></Col>
            <Col span={6} data-testid="home-plans-matched"><Statistic title="按计划完成" value={d.plansThisWeek.matched} suffix="次" /></Col>
            <Col span={6} data-testid="home-plans-missed"><Statistic title="漏服务" value={d.plansThisWeek.missed} suffix="次" valueStyle={{ color: d.plansThisWeek.missed > 0 ? '#cf1322' : undefined }} /></Col>
            <Col span={6}><Statistic title="计划外服务" value={d.plansThisWeek.unplanned} suffix="次" valueStyle={{ color: d.plansThisWeek.unplanned > 0 ? '#d46b08' : undefined }} /></Col>
          </Row>
        </Card>
      )}

      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col xs={24} lg={12}>
          <Card title={`评估即将到期（${d.reminderLeadDays.join('/')} 天提醒）`} data-testid="home-assessments">
            <List
              locale={{ emptyText: '没有即将到期的评估' }}
              dataSource={d.assessmentsExpiring}
              renderItem={(a) => (
                <List.Item extra={<ExpiryTag daysLeft={a.daysLeft} />}>
                  <Link to={`/residents/${a.residentId}`}>{a.name}</Link>
                  <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                    {a.level}级 {LEVEL_NAMES[a.level as Level]} · 到期 {a.endsOn}
                  </Typography.Text>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="证书即将到期" data-testid="home-certificates">
            <List
              locale={{ emptyText: '没有即将到期的证书' }}
              dataSource={d.certificatesExpiring}
              renderItem={(c) => (
                <List.Item extra={<ExpiryTag daysLeft={c.daysLeft} />}>
                  <Link to={`/staff/${c.staffId}`}>{c.name}</Link>
                  <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                    {CERTIFICATE_NAMES[c.certificateType as CertificateType] ?? c.certificateType} {c.number} · 到期 {c.expiresOn}
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
