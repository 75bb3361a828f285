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
        pagination={{
          ...PAGER,
          current: table.page,
          pageSize: table.pageSize,
          total: lines.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (t) => S.linesTotal(t),
        }}
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
          { title: S.col.name, dataIndex: 'name', ...sortable('name') },
          { title: S.col.idNumber, dataIndex: 'idNumber', render: (v: string) => maskIdNumber(v) },
          {
            title: S.col.mode,
            key: 'mode',
            dataIndex: 'mode',
            render: (m: CareMode) => CARE_MODE_NAMES[m],
            filters: [
              { text: CARE_MODE_NAMES.institutional, value: 'institutional' },
              { text: CARE_MODE_NAMES.home, value: 'home' },
            ],
            filterMultiple: false,
            filteredValue: table.mode ? [table.mode] : null,
          },
          { title: S.col.level, dataIndex: 'level', ...sortable('level') },
          { title: S.col.billableDays, dataIndex: 'billableDays', align: 'right', ...sortable('billableDays') },
          { title: S.col.minutes, dataIndex: 'coveredMinutes', align: 'right', ...sortable('coveredMinutes') },
          { title: S.col.visits, dataIndex: 'visits', align: 'right', ...sortable('visits') },
          { title: S.col.fee, dataIndex: 'feeFen', align: 'right', render: yuan, ...sortable('feeFen') },
          { title: S.col.fund, dataIndex: 'fundFen', align: 'right', render: yuan, ...sortable('fundFen') },
          { title: S.col.personal, dataIndex: 'personalFen', align: 'right', render: yuan, ...sortable('personalFen') },
        ]}
      />
    </>
  );
}
