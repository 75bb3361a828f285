/**
 * 证书矩阵: staff × certificate type, each cell the type's standing on the chosen date (valid,
 * expiring with days left, expired, none). Counts per type on top; each count filters the table.
 */
import { keepPreviousData } from '@tanstack/react-query';
import { Button, Card, Col, Flex, Row, Select, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { CERT_STATUSES, type CertStatus, type MatrixCell, type MatrixRow } from '../../../../shared/api/staff';
import { CERTIFICATE_NAMES, STAFF_ROLE_NAMES } from '../../../../shared/domain/glossary';
import { CERTIFICATE_TYPES, type CertificateType } from '../../../../shared/domain/model';
import { useApiQuery } from '../../api/hooks';
import { todayLocal } from '../../ui/dates';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ExpiryTag } from '../../ui/ExpiryTag';
import { PageHeader } from '../../ui/PageHeader';
import { DateInput } from '../../ui/DateInput';
import { StaffFiltersBar } from './StaffFiltersBar';
import { S } from './strings';
import { useStaffFilters } from './useStaffFilters';
import { PAGER } from '../../ui/pagination';

function Cell({ cell }: { cell: MatrixCell }) {
  if (cell.status === 'none') return <Typography.Text type="secondary">{S.cellNone}</Typography.Text>;
  if (cell.status === 'valid') {
    return (
      <Flex vertical gap={2}>
        <Tag color="green" style={{ width: 'fit-content' }}>
          {S.valid}
        </Tag>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {cell.expiresOn ? S.expiresShort(cell.expiresOn) : S.noExpiry}
        </Typography.Text>
      </Flex>
    );
  }
  return (
    <Flex vertical gap={2}>
      <span style={{ width: 'fit-content' }}>
        <ExpiryTag daysLeft={cell.daysLeft ?? 0} />
      </span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {S.expiresShort(cell.expiresOn ?? '')}
      </Typography.Text>
    </Flex>
  );
}

export function MatrixPage() {
  const navigate = useNavigate();
  const [filters, setFilters] = useStaffFilters();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const date = filters.date ?? todayLocal();
  const status = filters.certStatus;
  const matrix = useApiQuery(
    'staff.matrix',
    {
      date,
      ...(filters.search ? { search: filters.search } : {}),
      ...(filters.role ? { role: filters.role } : {}),
      ...(filters.employment ? { employment: filters.employment } : {}),
      ...(filters.type ? { type: filters.type } : {}),
      ...(status ? { status } : {}),
      ...paging,
    },
    { placeholderData: keepPreviousData },
  );
  const change = (patch: Parameters<typeof setFilters>[0]): void => {
    setFilters(patch);
    setPaging((p) => ({ ...p, page: 1 }));
  };

  const filtered = !!(filters.search || filters.role || filters.employment || filters.type || filters.certStatus);
  const empty = (
    <EmptyState
      title={S.emptyTitle}
      hint={S.emptyHint}
      filtered={
        filtered && {
          onClear: () => change({ search: undefined, role: undefined, employment: undefined, type: undefined, certStatus: undefined }),
        }
      }
      actions={[
        { label: S.add, primary: true, onClick: () => void navigate('/staff/new') },
        { label: S.emptyImport, onClick: () => void navigate('/import/roster') },
      ]}
    />
  );

  const columns: TableProps<MatrixRow>['columns'] = [
    { title: S.col.name, dataIndex: 'name', key: 'name', fixed: 'left', render: (_v, r) => <Link to={`/staff/${r.id}`}>{r.name}</Link> },
    { title: S.col.role, dataIndex: 'role', key: 'role', render: (v: MatrixRow['role']) => (v ? STAFF_ROLE_NAMES[v] : '—') },
    ...CERTIFICATE_TYPES.map((t) => ({ title: CERTIFICATE_NAMES[t], key: t, render: (_v: unknown, r: MatrixRow) => <Cell cell={r.cells[t]} /> })),
  ];

  return (
    <>
      <PageHeader title={S.matrixTitle} subtitle={S.matrixSubtitle} extra={<Button onClick={() => void navigate('/staff')}>{S.back}</Button>} />
      <Flex wrap gap={8} align="center" style={{ marginBottom: 8 }}>
        <label htmlFor="matrix-date">{S.matrixDate}</label>
        <DateInput id="matrix-date" value={date} allowClear={false} onChange={(d) => change({ date: d ?? undefined })} />
        <Select<'all' | CertificateType>
          aria-label={S.filterType}
          value={filters.type ?? 'all'}
          onChange={(v) => change({ type: v === 'all' ? undefined : v })}
          options={[{ value: 'all', label: S.anyType }, ...CERTIFICATE_TYPES.map((t) => ({ value: t, label: CERTIFICATE_NAMES[t] }))]}
          style={{ width: 170 }}
        />
        <Select<'all' | CertStatus>
          aria-label={S.filterStatus}
          value={status ?? 'all'}
          onChange={(v) => change({ certStatus: v === 'all' ? undefined : v })}
          options={[
            { value: 'all', label: S.allCertStatus },
            ...CERT_STATUSES.map((c) => ({ value: c, label: filters.type ? S.typeStatus[c] : S.certStatus[c] })),
          ]}
          style={{ width: 150 }}
        />
      </Flex>
      <StaffFiltersBar filters={filters} onChange={change} certStatus={false} />
      <ErrorAlert error={matrix.error} />
      {matrix.data && (
        <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
          {CERTIFICATE_TYPES.map((t) => (
            <Col key={t} xs={24} lg={8}>
              <Card size="small" title={CERTIFICATE_NAMES[t]} data-testid={`matrix-count-${t}`}>
                <Flex wrap gap={4}>
                  {CERT_STATUSES.map((st: CertStatus) => (
                    <Button
                      key={st}
                      size="small"
                      type={filters.type === t && status === st ? 'primary' : 'default'}
                      onClick={() => change({ type: t, certStatus: st })}
                    >
                      {`${S.typeStatus[st]} ${matrix.data.counts[t][st]}`}
                    </Button>
                  ))}
                </Flex>
              </Card>
            </Col>
          ))}
        </Row>
      )}
      <Table<MatrixRow>
        rowKey="id"
        size="middle"
        aria-label={S.matrixLabel}
        locale={{ emptyText: matrix.data ? empty : ' ' }}
        columns={columns}
        dataSource={matrix.data?.rows ?? []}
        loading={matrix.isFetching}
        pagination={{ ...PAGER, current: paging.page, pageSize: paging.pageSize, total: matrix.data?.total ?? 0, showSizeChanger: true, showTotal: S.total }}
        onChange={(p) => setPaging({ page: p.current ?? 1, pageSize: p.pageSize ?? 20 })}
      />
    </>
  );
}
