/**
 * 审核结果 before it is imported: how many lines the agency passed, deducted and rejected and for how
 * much, and the lines themselves (ID numbers masked), then the confirmation. Importing cannot be undone:
 * the administrator checks what the file says first, not after.
 */
import { Alert, Col, Modal, Row, Statistic, Table, Tag } from 'antd';
import type { LineResult, ResultPreview } from '../../../../shared/api/claims';
import { CARE_MODE_NAMES } from '../../../../shared/domain/glossary';
import { maskIdNumber } from '../../../../shared/domain/ids';
import { formatYuan } from '../../../../shared/domain/money';
import { S } from './strings';

const R = S.result_;
export const RESULT_TAGS: Record<LineResult, [string, string]> = { accepted: ['通过', 'green'], deducted: ['扣款', 'orange'], rejected: ['拒付', 'red'] };
type Line = ResultPreview['lines'][number];
// Deductions and rejections first: they are what the administrator checks against the agency's notice.
const ORDER: Record<LineResult, number> = { rejected: 0, deducted: 1, accepted: 2 };

export function ResultPreviewModal({ preview, fileName, importing, onOk, onCancel }: { preview: ResultPreview | null; fileName: string; importing: boolean; onOk: () => void; onCancel: () => void }) {
  if (!preview) return null;
  const c = preview.counts;
  const lines = [...preview.lines].sort((a, b) => ORDER[a.result] - ORDER[b.result]);
  return (
    <Modal open width={880} title={R.previewTitle(fileName)} okText={R.ok} cancelText={S.cancel} okButtonProps={{ loading: importing }} onOk={onOk} onCancel={onCancel}>
      <Row gutter={12} data-testid="result-preview-totals" style={{ marginBottom: 12 }}>
        {(['accepted', 'deducted', 'rejected'] as const).map((r) => (
          <Col span={5} key={r} data-testid={`result-count-${r}`}>
            <Statistic title={`${RESULT_TAGS[r][0]}（条 · 元）`} value={`${c[r].lines} 条 · ${formatYuan(c[r].fen)}`} />
          </Col>
        ))}
        <Col span={4}>
          <Statistic title={`${R.claimed}（元）`} value={formatYuan(preview.claimedFundFen)} />
        </Col>
        <Col span={5} data-testid="result-paid">
          <Statistic title={`${R.paid}（元）`} value={formatYuan(preview.paidFundFen)} />
        </Col>
      </Row>
      <Table<Line>
        size="small"
        data-testid="result-preview-lines"
        rowKey={(l) => `${l.idNumber}/${l.mode}`}
        dataSource={lines}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        columns={[
          { title: '姓名', dataIndex: 'name' },
          { title: '身份证号', dataIndex: 'idNumber', render: (v: string) => maskIdNumber(v) },
          { title: '护理方式', dataIndex: 'mode', render: (m: Line['mode']) => CARE_MODE_NAMES[m] },
          { title: '结果', dataIndex: 'result', render: (r: LineResult) => <Tag color={RESULT_TAGS[r][1]}>{RESULT_TAGS[r][0]}</Tag> },
          { title: '申报基金（元）', dataIndex: 'claimedFundFen', align: 'right', render: (f: number) => formatYuan(f) },
          { title: '扣款/拒付（元）', dataIndex: 'deductedFen', align: 'right', render: (f: number) => formatYuan(f) },
          { title: '实付（元）', dataIndex: 'paidFundFen', align: 'right', render: (f: number) => formatYuan(f) },
          { title: '原因', dataIndex: 'reason' },
        ]}
      />
      <Alert type="warning" showIcon title={R.confirm} style={{ marginTop: 12 }} />
    </Modal>
  );
}
