/**
 * 审核结果历史: when a corrected result replaced the one imported before, both stay; this lists them,
 * the one in force first, so the administrator sees what the agency said before, when it changed and why
 * (the 更正原因 given when the corrected result was imported).
 */
import { Table, Tag } from 'antd';
import type { ResultHistoryEntry } from '../../../../shared/api/claims';
import { formatYuan } from '../../../../shared/domain/money';
import { useApiQuery } from '../../api/hooks';
import { S } from './strings';

const H = S.result_.history;
const at = (t: string | null) => (t ? t.slice(0, 16).replace('T', ' ') : '');

export function ResultHistory({ claimId }: { claimId: number }) {
  const history = useApiQuery('claims.resultHistory', { claimId });
  // one import is the result shown everywhere already; the history matters once one was replaced
  if (!history.data || history.data.length < 2) return null;
  return (
    <Table<ResultHistoryEntry>
      size="small"
      style={{ marginTop: 8 }}
      data-testid="result-history"
      title={() => H.title}
      rowKey={(e) => `${e.importedAt}/${e.replacedAt ?? ''}`}
      pagination={false}
      dataSource={history.data}
      columns={[
        { title: H.importedAt, dataIndex: 'importedAt', render: at },
        {
          title: H.state,
          key: 'state',
          render: (_v, e) => (e.replacedAt ? <Tag>{H.replaced(at(e.replacedAt), e.replacedBy ?? '')}</Tag> : <Tag color="green">{H.inForce}</Tag>),
        },
        { title: H.counts, key: 'counts', render: (_v, e) => H.countsText(e.counts.accepted, e.counts.deducted, e.counts.rejected) },
        { title: S.col.deducted, dataIndex: 'deductedFen', align: 'right', render: (f: number) => formatYuan(f) },
        { title: S.col.paid, dataIndex: 'paidFundFen', align: 'right', render: (f: number) => formatYuan(f) },
        { title: H.reason, dataIndex: 'correctionReason', render: (r: string | null) => r ?? H.noReason },
      ]}
    />
  );
}
