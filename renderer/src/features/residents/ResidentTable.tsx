/** The residents, one page at a time from the services (search, filters, sort and paging are server-side). */
import { Table, Tag, Tooltip, Typography } from 'antd';
import type { TableProps } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { ResidentRow, ResidentSortField } from '../../../../shared/api/residents';
import { ExpiryTag } from '../../ui/ExpiryTag';
import { levelName, modeName, S, STATUS_COLORS, statusName } from './strings';
import { PAGER } from '../../ui/pagination';

export interface TableState {
  page: number;
  pageSize: number;
  sortField?: ResidentSortField;
  sortOrder?: 'ascend' | 'descend';
}

interface Props {
  rows: ResidentRow[];
  total: number;
  loading: boolean;
  state: TableState;
  onState: (s: TableState) => void;
  /** what an empty page shows (EmptyState) */
  empty: ReactNode;
}

export function ResidentTable({ rows, total, loading, state, onState, empty }: Props) {
  const sorted = (field: ResidentSortField) => (state.sortField === field ? (state.sortOrder ?? null) : null);
  const sortable = (field: ResidentSortField) => ({ key: field, sorter: true, sortOrder: sorted(field) });
  const columns: TableProps<ResidentRow>['columns'] = [
    { title: S.col.name, dataIndex: 'name', ...sortable('name'), render: (_: unknown, r) => <Link to={`/residents/${r.id}`}>{r.name}</Link> },
    {
      title: S.col.idNumber,
      key: 'idNumber',
      render: (_: unknown, r) => (
        <>
          <span style={{ fontFamily: 'monospace' }}>{r.idNumberMasked}</span>
          {r.idWarning && (
            <Tooltip title={r.idWarning}>
              <Tag color="red" style={{ marginInlineStart: 6 }}>
                {S.idBad}
              </Tag>
            </Tooltip>
          )}
        </>
      ),
    },
    {
      title: S.col.sexAge,
      ...sortable('age'),
      width: 100,
      render: (_: unknown, r) =>
        [r.sex === 'male' ? S.male : r.sex === 'female' ? S.female : null, r.age !== null ? S.age(r.age) : null].filter(Boolean).join(' / ') || '—',
    },
    {
      title: S.col.level,
      ...sortable('level'),
      render: (_: unknown, r) => (r.level !== null ? levelName(r.level) : <Typography.Text type="secondary">{S.noLevel}</Typography.Text>),
    },
    {
      title: S.col.assessmentEnds,
      ...sortable('assessmentEnds'),
      render: (_: unknown, r) =>
        r.assessmentEndsOn ? (
          <>
            <div>{r.assessmentEndsOn}</div>
            {r.assessmentDaysLeft !== null && <ExpiryTag daysLeft={r.assessmentDaysLeft} />}
          </>
        ) : (
          '—'
        ),
    },
    { title: S.col.mode, ...sortable('mode'), render: (_: unknown, r) => modeName(r.mode) },
    {
      title: S.col.status,
      ...sortable('status'),
      render: (_: unknown, r) => (
        <>
          <Tag color={STATUS_COLORS[r.status]}>{statusName(r.status, r.mode)}</Tag>
          {r.statusSince && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {S.since(r.statusSince)}
            </Typography.Text>
          )}
        </>
      ),
    },
    { title: S.col.bed, ...sortable('bed'), render: (_: unknown, r) => r.bed ?? '—' },
  ];
  return (
    <Table<ResidentRow>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={rows}
      loading={loading}
      aria-label={S.listLabel}
      locale={{ emptyText: empty }}
      pagination={{ ...PAGER, current: state.page, pageSize: state.pageSize, total, showSizeChanger: true, pageSizeOptions: [20, 50, 100], showTotal: S.total }}
      onChange={(p, _filters, sorter) => {
        const s = Array.isArray(sorter) ? sorter[0] : sorter;
        const field = s?.order ? (s.columnKey as ResidentSortField) : undefined;
        const changed = field !== state.sortField || (s?.order ?? undefined) !== state.sortOrder;
        onState({ page: changed ? 1 : (p.current ?? 1), pageSize: p.pageSize ?? state.pageSize, sortField: field, sortOrder: s?.order ?? undefined });
      }}
    />
  );
}
