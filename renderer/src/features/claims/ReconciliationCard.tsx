/**
 * 对账: claimed vs paid per month and per person (filterable by the agency's answer: the 扣款 and
 * 拒付 lines are what an administrator follows up), and the deduction reasons by frequency.
 */
import { Card, Segmented, Table, Tag } from 'antd';
import { useState } from 'react';
import type { ReconciliationView } from '../../../../shared/api/claims';
import { CARE_MODE_NAMES } from '../../../../shared/domain/glossary';
import { maskIdNumber } from '../../../../shared/domain/ids';
import { formatYuan } from '../../../../shared/domain/money';
import type { CareMode } from '../../../../shared/domain/model';
import { PAGER } from '../../ui/pagination';

const RESULT: Record<string, [string, string]> = { accepted: ['通过', 'green'], deducted: ['扣款', 'orange'], rejected: ['拒付', 'red'] };
const yuan = (f: number) => formatYuan(f);
type Month = ReconciliationView['months'][number];
type Person = ReconciliationView['persons'][number];
type Reason = ReconciliationView['reasons'][number];
type PersonFilter = 'all' | 'accepted' | 'deducted' | 'rejected' | 'pending';
const FILTERS: { value: PersonFilter; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'deducted', label: '扣款' },
  { value: 'rejected', label: '拒付' },
  { value: 'accepted', label: '通过' },
  { value: 'pending', label: '待审核' },
];
const matches = (p: Person, f: PersonFilter) => f === 'all' || (f === 'pending' ? p.result === null : p.result === f);

export function ReconciliationCard({ rec, months }: { rec: ReconciliationView; months: Month[] }) {
  const [filter, setFilter] = useState<PersonFilter>('all');
  const persons = rec.persons.filter((p) => matches(p, filter));
  return (
    <Card title="对账" style={{ marginTop: 12 }} data-testid="reconciliation">
      <Table<Month>
        size="small"
        data-testid="reconciliation-months"
        title={() => '按月：申报与实付'}
        rowKey="month"
        pagination={false}
        dataSource={months}
        columns={[
          { title: '月份', dataIndex: 'month' },
          { title: '已结算/申报数', key: 'n', render: (_v, m) => `${m.settled} / ${m.claims}` },
          { title: '申报基金支付（元）', dataIndex: 'claimedFundFen', align: 'right', render: yuan },
          { title: '实付基金（元）', dataIndex: 'paidFundFen', align: 'right', render: yuan },
          { title: '扣款/拒付（元）', dataIndex: 'deductedFen', align: 'right', render: (f: number) => <span style={{ color: f > 0 ? '#cf1322' : undefined }}>{formatYuan(f)}</span> },
        ]}
      />
      {rec.reasons.length > 0 && (
        <Table<Reason>
          size="small"
          style={{ marginTop: 12 }}
          data-testid="reconciliation-reasons"
          title={() => '扣款/拒付原因（按次数）'}
          rowKey="reason"
          pagination={false}
          dataSource={rec.reasons}
          columns={[
            { title: '原因', dataIndex: 'reason' },
            { title: '次数', dataIndex: 'count', align: 'right' },
            { title: '金额（元）', dataIndex: 'deductedFen', align: 'right', render: yuan },
          ]}
        />
      )}
      <Table<Person>
        size="small"
        style={{ marginTop: 12 }}
        data-testid="reconciliation-persons"
        title={() => (
          <>
            按人：申报与实付{' '}
            <Segmented<PersonFilter>
              size="small"
              aria-label="按审核结果筛选"
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
          { title: '姓名', dataIndex: 'name' },
          { title: '身份证号', dataIndex: 'idNumber', render: (v: string) => maskIdNumber(v) },
          { title: '护理方式', dataIndex: 'mode', render: (v: CareMode) => CARE_MODE_NAMES[v] },
          { title: '申报基金（元）', dataIndex: 'claimedFundFen', align: 'right', render: yuan },
          { title: '结果', dataIndex: 'result', render: (r: string | null) => (r ? <Tag color={RESULT[r]?.[1]}>{RESULT[r]?.[0]}</Tag> : '待审核') },
          { title: '扣款/拒付（元）', dataIndex: 'deductedFen', align: 'right', render: yuan },
          { title: '实付（元）', dataIndex: 'paidFundFen', align: 'right', render: (f: number | null) => (f === null ? '—' : formatYuan(f)) },
          { title: '原因', dataIndex: 'reason' },
        ]}
      />
    </Card>
  );
}
