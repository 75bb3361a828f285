/**
 * 审核结果 before it is imported: how many lines the agency passed, deducted and rejected and for how
 * much, and the lines themselves (ID numbers masked), then the confirmation. Importing cannot be undone:
 * the administrator checks what the file says first, not after. A corrected result asks why (更正原因):
 * it is kept with the result in its history and in the audit log, so it cannot be imported without one.
 */
import { Alert, Col, Input, Modal, Row, Statistic, Table, Tag } from 'antd';
import type { LineResult, ResultPreview } from '../../../../shared/api/claims';
import { CARE_MODE_NAMES } from '../../../../shared/domain/glossary';
import { maskIdNumber } from '../../../../shared/domain/ids';
import { formatYuan } from '../../../../shared/domain/money';
import { S } from './strings';

const R = S.result_;
export const RESULT_TAGS: Record<LineResult, [string, string]> = {
  accepted: [S.lineResult.accepted!, 'green'],
  deducted: [S.lineResult.deducted!, 'orange'],
  rejected: [S.lineResult.rejected!, 'red'],
};
type Line = ResultPreview['lines'][number];
// Deductions and rejections first: they are what the administrator checks against the agency's notice.
const ORDER: Record<LineResult, number> = { rejected: 0, deducted: 1, accepted: 2 };

export function ResultPreviewModal({
  preview,
  fileName,
  importing,
  correctionReason,
  onCorrectionReason,
  onOk,
  onCancel,
}: {
  preview: ResultPreview | null;
  fileName: string;
  importing: boolean;
  /** 更正原因 as typed: asked for a corrected result only */
  correctionReason: string;
  onCorrectionReason: (reason: string) => void;
  onOk: () => void;
  onCancel: () => void;
}) {
  if (!preview) return null;
  const c = preview.counts;
  const lines = [...preview.lines].sort((a, b) => ORDER[a.result] - ORDER[b.result]);
  return (
    <Modal
      open
      width={880}
      title={preview.replaces ? R.correctTitle(fileName) : R.previewTitle(fileName)}
      okText={R.ok}
      cancelText={S.cancel}
      okButtonProps={{ loading: importing, disabled: !!preview.replaces && correctionReason.trim() === '' }}
      onOk={onOk}
      onCancel={onCancel}
    >
      <Row gutter={12} data-testid="result-preview-totals" style={{ marginBottom: 12 }}>
        {(['accepted', 'deducted', 'rejected'] as const).map((r) => (
          <Col span={5} key={r} data-testid={`result-count-${r}`}>
            <Statistic title={S.resultCountTitle(RESULT_TAGS[r][0])} value={S.resultCount(c[r].lines, formatYuan(c[r].fen))} />
          </Col>
        ))}
        <Col span={4}>
          <Statistic title={R.claimedYuan} value={formatYuan(preview.claimedFundFen)} />
        </Col>
        <Col span={5} data-testid="result-paid">
          <Statistic title={R.paidYuan} value={formatYuan(preview.paidFundFen)} />
        </Col>
      </Row>
      <Table<Line>
        size="small"
        data-testid="result-preview-lines"
        rowKey={(l) => `${l.idNumber}/${l.mode}`}
        dataSource={lines}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        columns={[
          { title: S.col.name, dataIndex: 'name' },
          { title: S.col.idNumber, dataIndex: 'idNumber', render: (v: string) => maskIdNumber(v) },
          { title: S.col.mode, dataIndex: 'mode', render: (m: Line['mode']) => CARE_MODE_NAMES[m] },
          { title: S.col.result, dataIndex: 'result', render: (r: LineResult) => <Tag color={RESULT_TAGS[r][1]}>{RESULT_TAGS[r][0]}</Tag> },
          { title: S.col.claimedFund, dataIndex: 'claimedFundFen', align: 'right', render: (f: number) => formatYuan(f) },
          { title: S.col.deducted, dataIndex: 'deductedFen', align: 'right', render: (f: number) => formatYuan(f) },
          { title: S.col.paid, dataIndex: 'paidFundFen', align: 'right', render: (f: number) => formatYuan(f) },
          { title: S.col.reason, dataIndex: 'reason' },
        ]}
      />
      {preview.replaces && (
        <Alert
          type="info"
          showIcon
          data-testid="result-replaces"
          title={R.replaces(
            preview.replaces.importedAt.slice(0, 16).replace('T', ' '),
            formatYuan(preview.replaces.paidFundFen),
            formatYuan(preview.replaces.deductedFen),
          )}
          style={{ marginTop: 12 }}
        />
      )}
      {preview.replaces && (
        <Input.TextArea
          aria-label={R.correctionReason}
          placeholder={R.correctionReasonHint}
          // the contract's bound (shared/fields/reasonText.ts REASON_MAX; that module brings zod, which this chunk does without)
          maxLength={200}
          showCount
          autoSize={{ minRows: 2 }}
          value={correctionReason}
          onChange={(e) => onCorrectionReason(e.target.value)}
          style={{ marginTop: 12 }}
        />
      )}
      <Alert type="warning" showIcon title={preview.replaces ? R.confirmCorrect : R.confirm} style={{ marginTop: 12 }} />
    </Modal>
  );
}
