/** The visits, one page at a time from the services (paging and sorting are server-side). */
import { Button, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableProps } from 'antd';
import type { ReactNode } from 'react';
import type { VisitRow } from '../../../../shared/api/visits';
import { showTime } from './dateTime';
import { IssueTags } from './IssueTags';
import { S } from './strings';
import { PAGER } from '../../ui/pagination';

export interface TableState {
  page: number;
  pageSize: number;
  sortField?: 'start' | 'end' | 'minutes' | 'resident' | 'staff';
  sortOrder?: 'ascend' | 'descend';
}

interface Props {
  rows: VisitRow[];
  total: number;
  loading: boolean;
  state: TableState;
  onState: (s: TableState) => void;
  onEdit: (id: number) => void;
  /** what an empty page shows (EmptyState) */
  empty: ReactNode;
}

export function VisitTable({ rows, total, loading, state, onState, onEdit, empty }: Props) {
  const sorted = (field: TableState['sortField']) => (state.sortField === field ? (state.sortOrder ?? null) : null);
  const columns: TableProps<VisitRow>['columns'] = [
    {
      title: S.col.resident,
      dataIndex: 'residentName',
      key: 'resident',
      sorter: true,
      sortOrder: sorted('resident'),
      width: 170,
      render: (_: unknown, r) => (
        <>
          <div>{r.residentName}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
            {r.residentIdMasked}
          </Typography.Text>
        </>
      ),
    },
    { title: S.col.staff, dataIndex: 'staffName', key: 'staff', sorter: true, sortOrder: sorted('staff'), width: 120 },
    {
      title: S.col.start,
      dataIndex: 'start',
      key: 'start',
      sorter: true,
      sortOrder: state.sortField ? sorted('start') : 'descend',
      sortDirections: ['descend', 'ascend'],
      render: (v: string) => showTime(v),
      width: 150,
    },
    { title: S.col.end, dataIndex: 'end', key: 'end', sorter: true, sortOrder: sorted('end'), render: (v: string) => showTime(v), width: 150 },
    { title: S.col.minutes, dataIndex: 'minutes', key: 'minutes', sorter: true, sortOrder: sorted('minutes'), align: 'right', width: 110 },
    {
      title: S.col.items,
      key: 'items',
      render: (_: unknown, r) => {
        const names = r.items.map((i) => i.name ?? i.code);
        return (
          <Tooltip title={r.items.map((i) => `${i.code} ${i.name ?? S.outsideCatalogue}`).join('；')}>
            <span>{names.join('、')}</span>
          </Tooltip>
        );
      },
    },
    {
      title: S.col.confirmed,
      dataIndex: 'confirmed',
      key: 'confirmed',
      width: 100,
      render: (v: boolean) => (v ? <Tag color="green">{S.confirmedYes}</Tag> : <Tag color="orange">{S.confirmedNo}</Tag>),
    },
    {
      title: S.col.issues,
      key: 'issues',
      render: (_: unknown, r) =>
        r.verdict === null ? null : r.verdict.issues.length === 0 ? <Tag color="green">{S.validTag}</Tag> : <IssueTags issues={r.verdict.issues} />,
    },
    {
      title: S.col.actions,
      key: 'actions',
      width: 80,
      render: (_: unknown, r) => (
        <Button type="link" size="small" onClick={() => onEdit(r.id)} aria-label={`${S.edit} ${r.ref}`}>
          {S.edit}
        </Button>
      ),
    },
  ];
  return (
    <Table<VisitRow>
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
        const field = s?.order ? (s.columnKey as TableState['sortField']) : undefined;
        onState({
          page: field !== state.sortField || s?.order !== state.sortOrder ? 1 : (p.current ?? 1),
          pageSize: p.pageSize ?? state.pageSize,
          sortField: field,
          sortOrder: s?.order ?? undefined,
        });
      }}
    />
  );
}
