/**
 * 对账: claimed vs paid per month and per person (filterable by the agency's answer: the 扣款 and
 * 拒付 lines are what an administrator follows up), and the deduction reasons by frequency.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Segmented, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import type { ReconciliationView } from '../../../../shared/api/claims';
import { CARE_MODE_NAMES } from '../../../../shared/domain/glossary';
import { maskIdNumber } from '../../../../shared/domain/ids';
import { formatYuan } from '../../../../shared/domain/money';
import type { CareMode } from '../../../../shared/domain/model';
import { call } from '../../api/client';
import { offerDownload } from '../../ui/download';
import { PAGER } from '../../ui/pagination';
import { S } from './strings';

const RESULT: Record<string, [string | undefined, string]> = {
  accepted: [S.lineResult.accepted, 'green'],
  deducted: [S.lineResult.deducted, 'orange'],
  rejected: [S.lineResult.rejected, 'red'],
};
const yuan = (f: number) => formatYuan(f);
type Month = ReconciliationView['months'][number];
type Person = ReconciliationView['persons'][number];
type Reason = ReconciliationView['reasons'][number];
type PersonFilter = 'all' | 'accepted' | 'deducted' | 'rejected' | 'pending';
const FILTERS: { value: PersonFilter; label: string }[] = [
  { value: 'all', label: S.rec.all },
  { value: 'deducted', label: S.lineResult.deducted! },
  { value: 'rejected', label: S.lineResult.rejected! },
  { value: 'accepted', label: S.lineResult.accepted! },
  { value: 'pending', label: S.pending },
];
const matches = (p: Person, f: PersonFilter) => f === 'all' || (f === 'pending' ? p.result === null : p.result === f);

/** 对账表 (.xlsx, in 元): this month's, or every month's. */
function DownloadButtons({ month }: { month: string }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<'month' | 'all' | null>(null);
  const download = (which: 'month' | 'all') => {
    setBusy(which);
    call('claims.reconciliationWorkbook', which === 'month' ? { month } : {})
      .then(offerDownload, (e: Error) => void message.error(e.message))
      .finally(() => setBusy(null));
  };
  return (
    <Space>
      <Button size="small" icon={<DownloadOutlined />} loading={busy === 'month'} onClick={() => download('month')}>
        {S.rec.download}
      </Button>
      <Button size="small" loading={busy === 'all'} onClick={() => download('all')}>
        {S.rec.downloadAll}
      </Button>
    </Space>
  );
}

export function ReconciliationCard({ rec, months, month }: { rec: ReconciliationView; months: Month[]; month: string }) {
  const [filter, setFilter] = useState<PersonFilter>('all');
  const persons = rec.persons.filter((p) => matches(p, filter));
  return (
    <Card title={S.rec.title} extra={<DownloadButtons month={month} />} style={{ marginTop: 12 }} data-testid="reconciliation">
      <Table<Month>
        size="small"
        data-testid="reconciliation-months"
        title={() => S.rec.months}
        rowKey="month"
        pagination={false}
        dataSource={months}
        columns={[
          { title: S.rec.month, dataIndex: 'month' },
          { title: S.rec.settledOfClaims, key: 'n', render: (_v, m) => `${m.settled} / ${m.claims}` },
          { title: S.rec.claimedFund, dataIndex: 'claimedFundFen', align: 'right', render: yuan },
          { title: S.rec.paidFund, dataIndex: 'paidFundFen', align: 'right', render: yuan },
          {
            title: S.col.deducted,
            dataIndex: 'deductedFen',
            align: 'right',
            render: (f: number) => <span style={{ color: f > 0 ? '#cf1322' : undefined }}>{formatYuan(f)}</span>,
          },
        ]}
      />
      {rec.reasons.length > 0 && (
        <Table<Reason>
          size="small"
          style={{ marginTop: 12 }}
          data-testid="reconciliation-reasons"
          title={() => S.rec.reasons}
          rowKey="reason"
          pagination={false}
          dataSource={rec.reasons}
          columns={[
            { title: S.col.reason, dataIndex: 'reason' },
            { title: S.rec.count, dataIndex: 'count', align: 'right' },
            { title: S.rec.amount, dataIndex: 'deductedFen', align: 'right', render: yuan },
          ]}
        />
      )}
      <Table<Person>
        size="small"
        style={{ marginTop: 12 }}
        data-testid="reconciliation-persons"
        title={() => (
          <>
            {S.rec.persons}{' '}
            <Segmented<PersonFilter>
              size="small"
              aria-label={S.rec.filterLabel}
              options={FILTERS.map((f) => ({ value: f.value, label: `${f.label}（${rec.persons.filter((p) => matches(p, f.value)).length}）` }))}
              value={filter}
              onChange={setFilter}
            />
          </>
        )}
        rowKey={(p) => `${p.claimId}/${p.idNumber}/${p.mode}`}
        dataSource={persons}
        pagination={{ ...PAGER, pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: S.col.name, dataIndex: 'name' },
          { title: S.col.idNumber, dataIndex: 'idNumber', render: (v: string) => maskIdNumber(v) },
          { title: S.col.mode, dataIndex: 'mode', render: (v: CareMode) => CARE_MODE_NAMES[v] },
          { title: S.col.claimedFund, dataIndex: 'claimedFundFen', align: 'right', render: yuan },
          { title: S.col.result, dataIndex: 'result', render: (r: string | null) => (r ? <Tag color={RESULT[r]?.[1]}>{RESULT[r]?.[0]}</Tag> : S.pending) },
          { title: S.col.deducted, dataIndex: 'deductedFen', align: 'right', render: yuan },
          { title: S.col.paid, dataIndex: 'paidFundFen', align: 'right', render: (f: number | null) => (f === null ? '—' : formatYuan(f)) },
          { title: S.col.reason, dataIndex: 'reason' },
        ]}
      />
    </Card>
  );
}
