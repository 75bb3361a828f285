import { Input, Table } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { ClaimLineRow, MonthLinesQuery } from '../../../../shared/api/claims';
import { CARE_MODE_NAMES } from '../../../../shared/domain/glossary';
import { maskIdNumber } from '../../../../shared/domain/ids';
import type { CareMode } from '../../../../shared/domain/model';
import { formatYuan } from '../../../../shared/domain/money';
import { useApiQuery } from '../../api/hooks';
import { EmptyState } from '../../ui/EmptyState';
import { PAGER } from '../../ui/pagination';
import { useDebounced } from '../../ui/useDebounced';
import { S } from './strings';

type SortField = NonNullable<MonthLinesQuery['sortField']>;
interface TableState {
  page: number;
  pageSize: number;
  mode?: CareMode;
  sortField?: SortField;
  sortOrder?: 'ascend' | 'descend';
}

/**
 * 结算明细: one row per person and mode, searchable, sortable, paged on the server (claims.monthLines),
 * so a month of thousands of lines never crosses to the window whole. `count`: the claim's lines.
 */
export function LinesTable({ month, count }: { month: string; count: number }) {
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const search = useDebounced(q.trim(), 250);
  const [table, setTable] = useState<TableState>({ page: 1, pageSize: 20 });
  const lines = useApiQuery('claims.monthLines', { month, ...table, ...(search ? { search } : {}) }, { placeholderData: (prev) => prev });
  const sorted = (field: SortField) => (table.sortField === field ? (table.sortOrder ?? null) : null);
  const sortable = (field: SortField) => ({ key: field, sorter: true, sortOrder: sorted(field) });
  const yuan = (f: number) => formatYuan(f);
  return (
    <>
      <Input.Search
        placeholder={S.linesSearch}
        allowClear
        style={{ width: 260, marginBottom: 12 }}
        value={q}
        onChange={(e) => {
          setQ(e.target.value);
          setTable((t) => ({ ...t, page: 1 }));
        }}
        aria-label={S.linesSearchLabel}
      />
      <Table<ClaimLineRow>
        size="small"
        rowKey={(l) => `${l.idNumber}/${l.mode}`}
        dataSource={lines.data?.rows ?? []}
        loading={lines.isFetching}
        locale={{
          emptyText: (
            <EmptyState
              title={S.linesEmpty}
              hint={S.linesEmptyHint}
              filtered={
                count > 0 && {
                  onClear: () => {
                    setQ('');
                    setTable({ page: 1, pageSize: table.pageSize });
                  },
                }
              }
              actions={[
                { label: S.linesGoResidents, onClick: () => void navigate('/residents') },
                { label: S.linesGoVisits, onClick: () => void navigate('/visits') },
              ]}
            />
          ),
        }}
        pagination={{ ...PAGER, current: table.page, pageSize: table.pageSize, total: lines.data?.total ?? 0, showSizeChanger: true, showTotal: (t) => `共 ${t} 条` }}
        onChange={(p, filters, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          const mode = (filters['mode']?.[0] as CareMode | undefined) ?? undefined;
          setTable({
            page: mode !== table.mode ? 1 : (p.current ?? 1),
            pageSize: p.pageSize ?? 20,
            ...(mode ? { mode } : {}),
            ...(s?.order ? { sortField: s.columnKey as SortField, sortOrder: s.order } : {}),
          });
        }}
        columns={[
          { title: '姓名', dataIndex: 'name', ...sortable('name') },
          { title: '身份证号', dataIndex: 'idNumber', render: (v: string) => maskIdNumber(v) },
          {
            title: '护理方式',
            key: 'mode',
            dataIndex: 'mode',
            render: (m: CareMode) => CARE_MODE_NAMES[m],
            filters: [
              { text: '机构护理', value: 'institutional' },
              { text: '居家护理', value: 'home' },
            ],
            filterMultiple: false,
            filteredValue: table.mode ? [table.mode] : null,
          },
          { title: '等级', dataIndex: 'level', ...sortable('level') },
          { title: '床日', dataIndex: 'billableDays', align: 'right', ...sortable('billableDays') },
          { title: '服务分钟', dataIndex: 'coveredMinutes', align: 'right', ...sortable('coveredMinutes') },
          { title: '次数', dataIndex: 'visits', align: 'right', ...sortable('visits') },
          { title: '费用（元）', dataIndex: 'feeFen', align: 'right', render: yuan, ...sortable('feeFen') },
          { title: '基金支付（元）', dataIndex: 'fundFen', align: 'right', render: yuan, ...sortable('fundFen') },
          { title: '个人负担（元）', dataIndex: 'personalFen', align: 'right', render: yuan, ...sortable('personalFen') },
        ]}
      />
    </>
  );
}
