/** The month's issues grouped by severity, each linking to the record that fixes it. */
import { Collapse, Empty, List, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { MonthView } from '../../../../shared/api/claims';
import { ISSUE_TITLES, SEVERITY_TITLES, type Severity } from '../../../../shared/claims/issueCodes';
import type { ClaimIssue } from '../../../../shared/claims/types';

const COLORS: Record<Severity, string> = { error: 'red', warning: 'orange', info: 'blue' };

function fixLink(i: ClaimIssue, links: MonthView['links']) {
  if (i.visit) return <Link to={`/visits?search=${encodeURIComponent(i.visit)}`}>查看上门服务 {i.visit}</Link>;
  if (i.resident && links.residents[i.resident]) return <Link to={`/residents/${links.residents[i.resident]}`}>查看服务对象</Link>;
  if (i.staff && links.staff[i.staff]) return <Link to={`/staff/${links.staff[i.staff]}`}>查看员工</Link>;
  if (i.code === 'PRICE_MISSING' || i.code === 'MODE_NOT_COVERED') return <Link to="/settings/institution">机构设置</Link>;
  return null;
}

export function IssuesPanel({ issues, links }: { issues: ClaimIssue[]; links: MonthView['links'] }) {
  if (issues.length === 0) return <Empty description="没有问题" />;
  const groups = (['error', 'warning', 'info'] as const).map((s) => ({ s, items: issues.filter((i) => i.severity === s) })).filter((g) => g.items.length > 0);
  return (
    <Collapse
      defaultActiveKey={groups.slice(0, 1).map((g) => g.s)}
      items={groups.map((g) => ({
        key: g.s,
        label: (
          <span data-testid={`issues-${g.s}`}>
            <Tag color={COLORS[g.s]}>{SEVERITY_TITLES[g.s]}</Tag> {g.items.length} 条
          </span>
        ),
        children: (
          <List
            size="small"
            pagination={g.items.length > 20 ? { pageSize: 20, size: 'small' } : false}
            dataSource={g.items}
            renderItem={(i) => (
              <List.Item extra={fixLink(i, links)}>
                <List.Item.Meta
                  title={
                    <>
                      <Tag color={COLORS[i.severity]}>{ISSUE_TITLES[i.code] ?? i.code}</Tag>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {i.code}
                        {i.date ? ` · ${i.date}${i.dateTo ? ` 至 ${i.dateTo}` : ''}` : ''}
                      </Typography.Text>
                    </>
                  }
                  description={i.message}
                />
              </List.Item>
            )}
          />
        ),
      }))}
    />
  );
}
