/**
 * The month's issues grouped by severity, filterable by kind, severity and text, each linking to the
 * record that fixes it. Each kind shows its Chinese title; the stable code (NO_ASSESSMENT…) that
 * exports and support use is in the title's tooltip, not in the administrator's way. Filtered and
 * paged on the server (claims.monthIssues): a group fetches only the page it shows.
 */
import { Button, Collapse, Empty, Flex, Input, List, Select, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import type { MonthCounts } from '../../../../shared/api/claims';
import { ISSUE_TITLES, SEVERITY_TITLES, type IssueCode, type Severity } from '../../../../shared/claims/issueCodes';
import { useApiQuery } from '../../api/hooks';
import { PAGER } from '../../ui/pagination';
import { useDebounced } from '../../ui/useDebounced';
import { IssueLink } from './issueLink';
import { S } from './strings';

const COLORS: Record<Severity, string> = { error: 'red', warning: 'orange', info: 'blue' };
const SEVERITIES = ['error', 'warning', 'info'] as const;
const F = S.issueFilter;
const PAGE_SIZE = 20;

interface Filters {
  month: string;
  code: IssueCode | undefined;
  search: string;
}

/** One severity's issues under the filters, a page at a time; off while another severity is chosen. */
function useGroup(severity: Severity, f: Filters, enabled: boolean, page: number) {
  return useApiQuery(
    'claims.monthIssues',
    { month: f.month, severity, page, pageSize: PAGE_SIZE, ...(f.code ? { code: f.code } : {}), ...(f.search ? { search: f.search } : {}) },
    { enabled, placeholderData: (prev) => prev },
  );
}

export function IssuesPanel({ month, counts }: { month: string; counts: MonthCounts }) {
  const [code, setCode] = useState<IssueCode | undefined>();
  const [severity, setSeverity] = useState<Severity | undefined>();
  const [q, setQ] = useState('');
  const search = useDebounced(q.trim(), 250);
  const [open, setOpen] = useState<string[]>([...SEVERITIES]);
  const [pages, setPages] = useState<Record<Severity, number>>({ error: 1, warning: 1, info: 1 });
  const filters: Filters = { month, code, search };
  const on = (s: Severity) => counts.issues[s] > 0 && (!severity || severity === s);
  const groups = {
    error: useGroup('error', filters, on('error'), pages.error),
    warning: useGroup('warning', filters, on('warning'), pages.warning),
    info: useGroup('info', filters, on('info'), pages.info),
  };
  const refilter = (change: () => void) => {
    change();
    setPages({ error: 1, warning: 1, info: 1 });
  };
  if (counts.issues.error + counts.issues.warning + counts.issues.info === 0) return <Empty description={F.none} />;
  const shown = SEVERITIES.filter((s) => on(s) && (groups[s].data?.total ?? 0) > 0);
  const settled = SEVERITIES.every((s) => !on(s) || groups[s].data !== undefined);
  return (
    <>
      <Flex wrap gap={8} style={{ marginBottom: 12 }} role="search" aria-label={S.issuesFilterLabel}>
        <Select<Severity>
          allowClear
          placeholder={F.severity}
          aria-label={F.severity}
          style={{ width: 140 }}
          value={severity}
          onChange={(v) => refilter(() => setSeverity(v))}
          options={SEVERITIES.map((s) => ({ value: s, label: SEVERITY_TITLES[s] }))}
        />
        <Select<IssueCode>
          allowClear
          placeholder={F.code}
          aria-label={F.code}
          style={{ width: 240 }}
          value={code}
          onChange={(v) => refilter(() => setCode(v))}
          options={counts.codes.map((c) => ({ value: c.code, label: ISSUE_TITLES[c.code] ?? c.code, title: c.code }))}
        />
        <Input.Search
          allowClear
          placeholder={F.search}
          aria-label={F.searchLabel}
          style={{ width: 320 }}
          value={q}
          onChange={(e) => refilter(() => setQ(e.target.value))}
        />
        {(code || severity || q) && (
          <Button
            onClick={() =>
              refilter(() => {
                setCode(undefined);
                setSeverity(undefined);
                setQ('');
              })
            }
          >
            {F.clear}
          </Button>
        )}
      </Flex>
      {shown.length === 0 ? (
        settled && <Empty description={F.noMatch} />
      ) : (
        <Collapse
          activeKey={open}
          onChange={(k) => setOpen(Array.isArray(k) ? k : [k])}
          items={shown.map((s) => {
            const data = groups[s].data!;
            return {
              key: s,
              label: (
                <span data-testid={`issues-${s}`}>
                  <Tag color={COLORS[s]}>{SEVERITY_TITLES[s]}</Tag> {F.count(data.total)}
                </span>
              ),
              children: (
                <List
                  size="small"
                  data-testid={`issue-list-${s}`}
                  loading={groups[s].isFetching}
                  pagination={
                    data.total > PAGE_SIZE
                      ? { ...PAGER, current: pages[s], pageSize: PAGE_SIZE, total: data.total, size: 'small', onChange: (p) => setPages({ ...pages, [s]: p }) }
                      : false
                  }
                  dataSource={data.rows}
                  renderItem={(i) => (
                    <List.Item extra={<IssueLink issue={i} links={data.links} />} data-code={i.code} data-testid="issue">
                      <List.Item.Meta
                        title={
                          <>
                            <Tooltip title={`${F.codeTip}${i.code}`}>
                              <Tag color={COLORS[i.severity]} data-testid="issue-title">
                                {ISSUE_TITLES[i.code] ?? i.code}
                              </Tag>
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
            };
          })}
        />
      )}
    </>
  );
}
