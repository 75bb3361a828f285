/** 审计日志: the trail, newest first, filtered and paged by the services; a row opens to its changes. */
import { keepPreviousData } from '@tanstack/react-query';
import { Alert, DatePicker, Flex, Input, Select, Table, Tag } from 'antd';
import type { TableProps } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { AuditEntryView, AuditListQuery } from '../../../../shared/api/audit';
import { useApiQuery } from '../../api/hooks';
import { RANGE_FORMATS } from '../../ui/DateInput';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageHeader } from '../../ui/PageHeader';
import { AuditChanges } from './AuditChanges';
import { actionName, entityName, fieldLabel } from '../../../../shared/audit/auditWords';
import { S } from './strings';
import { PAGER } from '../../ui/pagination';

type Filters = Pick<AuditListQuery, 'from' | 'to' | 'actor' | 'action' | 'entity' | 'search'>;

const ACTION_COLORS: Record<string, string> = {
  create: 'green',
  update: 'blue',
  delete: 'red',
  import: 'purple',
  export: 'gold',
  submit: 'cyan',
  supplement: 'cyan',
  settle: 'geekblue',
  withdraw: 'volcano',
  backup: 'lime',
  restore: 'magenta',
};

export function AuditPage() {
  const [filters, setFilters] = useState<Filters>({});
  const [paging, setPaging] = useState<{ page: number; pageSize: number; sortOrder?: 'ascend' | 'descend' }>({ page: 1, pageSize: 20 });
  const facets = useApiQuery('audit.facets', undefined);
  const chain = useApiQuery('audit.chain', undefined);
  const list = useApiQuery('audit.list', { ...filters, ...paging }, { placeholderData: keepPreviousData });
  const update = (patch: Filters) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPaging((p) => ({ ...p, page: 1 }));
  };
  const opts = (values: string[] | undefined, name?: (v: string) => string) => (values ?? []).map((v) => ({ value: v, label: name ? name(v) : v }));

  const columns: TableProps<AuditEntryView>['columns'] = [
    {
      title: S.col.at,
      dataIndex: 'at',
      key: 'at',
      width: 180,
      sorter: true,
      sortOrder: paging.sortOrder ?? 'descend',
      sortDirections: ['descend', 'ascend'],
      render: (at: string) => at.slice(0, 19).replace('T', ' '),
    },
    { title: S.col.actor, dataIndex: 'actor', key: 'actor', width: 160 },
    { title: S.col.action, dataIndex: 'action', key: 'action', width: 110, render: (a: string) => <Tag color={ACTION_COLORS[a]}>{actionName(a)}</Tag> },
    { title: S.col.entity, dataIndex: 'entity', key: 'entity', width: 120, render: (e: string) => entityName(e) },
    { title: S.col.subject, key: 'subject', width: 200, render: (_: unknown, r) => r.subject ?? (r.entityId ? `#${r.entityId}` : '') },
    {
      title: S.col.changes,
      key: 'changes',
      render: (_: unknown, r) => {
        const labels = r.changes.map((c) => fieldLabel(c.path.split(/[.[]/)[0]!, r.entity)).filter((p, i, all) => all.indexOf(p) === i);
        return `${S.changesCount(r.changes.length)}${labels.length ? `：${labels.slice(0, 4).join('、')}${labels.length > 4 ? '…' : ''}` : ''}`;
      },
    },
  ];

  return (
    <>
      <PageHeader title={S.title} subtitle={S.subtitle} />
      {chain.data && (
        <Alert
          type={chain.data.problem ? 'error' : 'success'}
          showIcon
          title={chain.data.problem ? S.chainBroken(chain.data.problem) : S.chainWhole(chain.data.rows, chain.data.lastId)}
          description={chain.data.problem ? chain.data.problem.detail : S.chainHint}
          style={{ marginBottom: 16 }}
          data-testid="audit-chain"
        />
      )}
      <Flex wrap gap={8} style={{ marginBottom: 16 }} role="search" aria-label={S.filtersLabel}>
        <DatePicker.RangePicker
          aria-label={S.datesLabel}
          placeholder={S.filterDates}
          format={RANGE_FORMATS}
          allowEmpty={[true, true]}
          value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
          onChange={(r) => update({ from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') })}
        />
        <Select
          aria-label={S.actor}
          placeholder={S.actor}
          allowClear
          showSearch
          value={filters.actor}
          options={opts(facets.data?.actors)}
          onChange={(actor) => update({ actor })}
          style={{ width: 160 }}
        />
        <Select
          aria-label={S.action}
          placeholder={S.action}
          allowClear
          value={filters.action}
          options={opts(facets.data?.actions, actionName)}
          onChange={(action) => update({ action })}
          style={{ width: 130 }}
        />
        <Select
          aria-label={S.entity}
          placeholder={S.entity}
          allowClear
          value={filters.entity}
          options={opts(facets.data?.entities, entityName)}
          onChange={(entity) => update({ entity })}
          style={{ width: 140 }}
        />
        <Input.Search
          aria-label={S.searchLabel}
          placeholder={S.search}
          allowClear
          onSearch={(q) => update({ search: q.trim() || undefined })}
          style={{ width: 240 }}
        />
      </Flex>
      <ErrorAlert error={list.error ?? facets.error ?? chain.error} />
      <Table<AuditEntryView>
        rowKey="id"
        size="middle"
        aria-label={S.listLabel}
        columns={columns}
        dataSource={list.data?.rows ?? []}
        loading={list.isFetching}
        expandable={{ expandedRowRender: (r) => <AuditChanges entry={r} />, rowExpandable: () => true }}
        pagination={{
          ...PAGER,
          current: paging.page,
          pageSize: paging.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: S.total,
        }}
        onChange={(p, _f, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          const sortOrder = s?.order ?? undefined;
          setPaging({
            page: sortOrder !== paging.sortOrder ? 1 : (p.current ?? 1),
            pageSize: p.pageSize ?? paging.pageSize,
            ...(sortOrder ? { sortOrder } : {}),
          });
        }}
      />
    </>
  );
}
