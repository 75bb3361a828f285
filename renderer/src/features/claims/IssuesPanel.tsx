/**
 * The month's issues grouped by severity, filterable by kind, severity and text, each linking to the
 * record that fixes it. Each kind shows its Chinese title; the stable code (NO_ASSESSMENT…) that
 * exports and support use is in the title's tooltip, not in the administrator's way.
 */
import { Button, Collapse, Empty, Flex, Input, List, Select, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { MonthView } from '../../../../shared/api/claims';
import { ISSUE_TITLES, SEVERITY_TITLES, type IssueCode, type Severity } from '../../../../shared/claims/issueCodes';
import type { ClaimIssue } from '../../../../shared/claims/types';
import { PAGER } from '../../ui/pagination';
import { IssueLink } from './issueLink';
import { S } from './strings';

const COLORS: Record<Severity, string> = { error: 'red', warning: 'orange', info: 'blue' };
const SEVERITIES = ['error', 'warning', 'info'] as const;
const F = S.issueFilter;

const haystack = (i: ClaimIssue) => [i.message, i.idNumber, i.visit, i.resident, i.staff, i.code, i.date, i.dateTo].filter(Boolean).join(' ').toUpperCase();

export function IssuesPanel({ issues, links }: { issues: ClaimIssue[]; links: MonthView['links'] }) {
  const [code, setCode] = useState<IssueCode | undefined>();
  const [severity, setSeverity] = useState<Severity | undefined>();
  const [q, setQ] = useState('');
  const [open, setOpen] = useState<string[]>([...SEVERITIES]);
  const codes = useMemo(() => [...new Set(issues.map((i) => i.code))], [issues]);
  const shown = useMemo(() => {
    const text = q.trim().toUpperCase();
    return issues.filter((i) => (!code || i.code === code) && (!severity || i.severity === severity) && (!text || haystack(i).includes(text)));
  }, [issues, code, severity, q]);
  if (issues.length === 0) return <Empty description={F.none} />;
  const groups = SEVERITIES.map((s) => ({ s, items: shown.filter((i) => i.severity === s) })).filter((g) => g.items.length > 0);
  return (
    <>
      <Flex wrap gap={8} style={{ marginBottom: 12 }} role="search" aria-label={S.issuesFilterLabel}>
        <Select<Severity> allowClear placeholder={F.severity} aria-label={F.severity} style={{ width: 140 }} value={severity} onChange={setSeverity} options={SEVERITIES.map((s) => ({ value: s, label: SEVERITY_TITLES[s] }))} />
        <Select<IssueCode> allowClear placeholder={F.code} aria-label={F.code} style={{ width: 240 }} value={code} onChange={setCode} options={codes.map((c) => ({ value: c, label: ISSUE_TITLES[c] ?? c, title: c }))} />
        <Input.Search allowClear placeholder={F.search} aria-label={F.searchLabel} style={{ width: 320 }} value={q} onChange={(e) => setQ(e.target.value)} />
        {(code || severity || q) && (
          <Button
            onClick={() => {
              setCode(undefined);
              setSeverity(undefined);
              setQ('');
            }}
          >
            {F.clear}
          </Button>
        )}
      </Flex>
      {groups.length === 0 ? (
        <Empty description={F.noMatch} />
      ) : (
        <Collapse
          activeKey={open}
          onChange={(k) => setOpen(Array.isArray(k) ? k : [k])}
          items={groups.map((g) => ({
            key: g.s,
            label: (
              <span data-testid={`issues-${g.s}`}>
                <Tag color={COLORS[g.s]}>{SEVERITY_TITLES[g.s]}</Tag> {F.count(g.items.length)}
              </span>
            ),
            children: (
              <List
                size="small"
                data-testid={`issue-list-${g.s}`}
                pagination={g.items.length > 20 ? { ...PAGER, pageSize: 20, size: 'small' } : false}
                dataSource={g.items}
                renderItem={(i) => (
                  <List.Item extra={<IssueLink issue={i} links={links} />} data-code={i.code} data-testid="issue">
                    <List.Item.Meta
                      title={
                        <>
                          <Tooltip title={`${F.codeTip}${i.code}`}>
                            <Tag color={COLORS[i.severity]} data-testid="issue-title">{ISSUE_TITLES[i.code] ?? i.code}</Tag>
                          </Tooltip>
                          {i.date && (
                            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                              {S.issueDates(i.date, i.dateTo)}
                            </Typography.Text>
                          )}
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
      )}
    </>
  );
}
