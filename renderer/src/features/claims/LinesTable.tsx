import { Input, Table } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { ClaimLine } from '../../../../shared/claims/types';
import { CARE_MODE_NAMES } from '../../../../shared/domain/glossary';
import { maskIdNumber } from '../../../../shared/domain/ids';
import { formatYuan } from '../../../../shared/domain/money';
import { EmptyState } from '../../ui/EmptyState';
import { PAGER } from '../../ui/pagination';
import { S } from './strings';

/** 结算明细: one row per person and mode, searchable, sortable, paged. */
export function LinesTable({ lines }: { lines: ClaimLine[] }) {
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const rows = useMemo(() => {
    // ID numbers are stored with an upper-case X; people type either.
    const t = q.trim().toUpperCase();
    return lines.filter((l) => !t || l.name.includes(t) || l.idNumber.includes(t));
  }, [lines, q]);
  const yuan = (f: number) => formatYuan(f);
  return (
    <>
      <Input.Search placeholder={S.linesSearch} allowClear style={{ width: 260, marginBottom: 12 }} value={q} onChange={(e) => setQ(e.target.value)} aria-label={S.linesSearchLabel} />
      <Table<ClaimLine>
        size="small"
        rowKey={(l) => `${l.idNumber}/${l.mode}`}
        dataSource={rows}
        locale={{
          emptyText: (
            <EmptyState
              title={S.linesEmpty}
              hint={S.linesEmptyHint}
              filtered={
                lines.length > 0 && {
                  onClear: () => setQ(''),
                }
              }
              actions={[
                { label: S.linesGoResidents, onClick: () => void navigate('/residents') },
                { label: S.linesGoVisits, onClick: () => void navigate('/visits') },
              ]}
            />
          ),
        }}
        pagination={{ ...PAGER, pageSize: 20, showSizeChanger: true, showTotal: (t) => S.linesTotal(t) }}
        columns={[
          { title: S.col.name, dataIndex: 'name', sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN') },
          { title: S.col.idNumber, dataIndex: 'idNumber', render: (v: string) => maskIdNumber(v) },
          { title: S.col.mode, dataIndex: 'mode', render: (m: ClaimLine['mode']) => CARE_MODE_NAMES[m], filters: [{ text: CARE_MODE_NAMES.institutional, value: 'institutional' }, { text: CARE_MODE_NAMES.home, value: 'home' }], onFilter: (v, l) => l.mode === v },
          { title: S.col.level, dataIndex: 'level', sorter: (a, b) => a.level - b.level },
          { title: S.col.billableDays, dataIndex: 'billableDays', align: 'right', sorter: (a, b) => a.billableDays - b.billableDays },
          { title: S.col.minutes, dataIndex: 'coveredMinutes', align: 'right', sorter: (a, b) => a.coveredMinutes - b.coveredMinutes },
          { title: S.col.visits, dataIndex: 'visits', align: 'right', sorter: (a, b) => (a.visits ?? 0) - (b.visits ?? 0) },
          { title: S.col.fee, dataIndex: 'feeFen', align: 'right', render: yuan, sorter: (a, b) => a.feeFen - b.feeFen },
          { title: S.col.fund, dataIndex: 'fundFen', align: 'right', render: yuan, sorter: (a, b) => a.fundFen - b.fundFen },
          { title: S.col.personal, dataIndex: 'personalFen', align: 'right', render: yuan, sorter: (a, b) => a.personalFen - b.personalFen },
        ]}
      />
    </>
  );
}
