/** 员工与证书: the list (server-side search, filters, sort, paging) and the ways to the other screens. */
import { WarningOutlined } from '@ant-design/icons';
import { keepPreviousData } from '@tanstack/react-query';
import { Button, Table, Tooltip, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { StaffListRow } from '../../../../shared/api/staff';
import { STAFF_ROLE_NAMES } from '../../../../shared/domain/glossary';
import { useApiQuery } from '../../api/hooks';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageHeader } from '../../ui/PageHeader';
import { CertificateTags } from './CertificateTags';
import { StaffFiltersBar } from './StaffFiltersBar';
import { S } from './strings';
import { useStaffFilters } from './useStaffFilters';
import { PAGER } from '../../ui/pagination';

interface TableState {
  page: number;
  pageSize: number;
  sortField?: 'name' | 'role' | 'employedFrom' | 'certificates';
  sortOrder?: 'ascend' | 'descend';
}

export function StaffListPage() {
  const navigate = useNavigate();
  const [filters, setFilters] = useStaffFilters();
  const [table, setTable] = useState<TableState>({ page: 1, pageSize: 20 });
  const list = useApiQuery(
    'staff.list',
    {
      ...(filters.search ? { search: filters.search } : {}),
      ...(filters.role ? { role: filters.role } : {}),
      ...(filters.employment ? { employment: filters.employment } : {}),
      ...(filters.certStatus ? { certStatus: filters.certStatus } : {}),
      page: table.page,
      pageSize: table.pageSize,
      ...(table.sortField && table.sortOrder ? { sortField: table.sortField, sortOrder: table.sortOrder } : {}),
    },
    { placeholderData: keepPreviousData },
  );

  const filtered = !!(filters.search || filters.role || filters.employment || filters.certStatus);
  const empty = (
    <EmptyState
      title={S.emptyTitle}
      hint={S.emptyHint}
      filtered={
        filtered && {
          onClear: () => setFilters({ search: undefined, role: undefined, employment: undefined, certStatus: undefined }),
        }
      }
      actions={[
        { label: S.add, primary: true, onClick: () => void navigate('/staff/new') },
        { label: S.emptyImport, onClick: () => void navigate('/import/roster') },
      ]}
    />
  );

  const sorted = (field: TableState['sortField']) => (table.sortField === field ? (table.sortOrder ?? null) : null);
  const columns: TableProps<StaffListRow>['columns'] = [
    {
      title: S.col.name,
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      sortOrder: sorted('name'),
      render: (_v, r) => (
        <>
          <Link to={`/staff/${r.id}`}>{r.name}</Link>
          {r.idWarning && (
            <Tooltip title={`${S.idWarning}：${r.idWarning}`}>
              <WarningOutlined style={{ color: '#faad14', marginInlineStart: 6 }} aria-label={S.idWarning} />
            </Tooltip>
          )}
        </>
      ),
    },
    { title: S.col.idNumber, dataIndex: 'idNumberMasked', key: 'idNumber', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
    {
      title: S.col.role,
      dataIndex: 'role',
      key: 'role',
      sorter: true,
      sortOrder: sorted('role'),
      render: (v: StaffListRow['role']) => (v ? STAFF_ROLE_NAMES[v] : '—'),
    },
    {
      title: S.col.employment,
      key: 'employedFrom',
      sorter: true,
      sortOrder: sorted('employedFrom'),
      render: (_v, r) => (
        <>
          <div>{r.employedFrom ? S.employedSince(r.employedFrom) : '—'}</div>
          {r.employedTo && <Typography.Text type="secondary">{S.leftOn(r.employedTo)}</Typography.Text>}
        </>
      ),
    },
    {
      title: S.col.certificates,
      key: 'certificates',
      sorter: true,
      sortOrder: sorted('certificates'),
      render: (_v, r) => <CertificateTags certificates={r.certificates} />,
    },
  ];

  return (
    <>
      <PageHeader
        title={S.title}
        subtitle={S.subtitle}
        extra={
          <>
            <Button onClick={() => void navigate('/staff/matrix')}>{S.matrix}</Button>
            <Button onClick={() => void navigate('/import/roster')}>{S.importRoster}</Button>
            <Button type="primary" onClick={() => void navigate('/staff/new')}>
              {S.add}
            </Button>
          </>
        }
      />
      <StaffFiltersBar
        filters={filters}
        onChange={(patch) => {
          setFilters(patch);
          setTable((t) => ({ ...t, page: 1 }));
        }}
      />
      <ErrorAlert error={list.error} />
      <Table<StaffListRow>
        rowKey="id"
        size="middle"
        aria-label={S.listLabel}
        locale={{ emptyText: list.data ? empty : ' ' }}
        columns={columns}
        dataSource={list.data?.rows ?? []}
        loading={list.isFetching}
        pagination={{ ...PAGER, current: table.page, pageSize: table.pageSize, total: list.data?.total ?? 0, showSizeChanger: true, showTotal: S.total }}
        onChange={(p, _f, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          setTable({
            page: p.current ?? 1,
            pageSize: p.pageSize ?? 20,
            ...(s?.order ? { sortField: s.columnKey as TableState['sortField'], sortOrder: s.order } : {}),
          });
        }}
      />
    </>
  );
}
