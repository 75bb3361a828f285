/** 审核结果: the agency's answer per line (template, import) and the reconciliation of claimed vs paid. */
import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Row, Space, Statistic, Table, Tag, Upload } from 'antd';
import type { ClaimSummary, ReconciliationView } from '../../../../shared/api/claims';
import { CARE_MODE_NAMES } from '../../../../shared/domain/glossary';
import { maskIdNumber } from '../../../../shared/domain/ids';
import { formatYuan } from '../../../../shared/domain/money';
import type { CareMode } from '../../../../shared/domain/model';
import { call } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { offerDownload, readUpload } from '../../ui/download';

const RESULT: Record<string, [string, string]> = { accepted: ['通过', 'green'], deducted: ['扣款', 'orange'], rejected: ['拒付', 'red'] };
type Person = ReconciliationView['persons'][number];

export function ResultPanel({ month, claims }: { month: string; claims: ClaimSummary[] }) {
  const { message } = App.useApp();
  const imp = useApiMutation('claims.importResult');
  const rec = useApiQuery('claims.reconciliation', { month });
  const m = rec.data?.months[0];
  return (
    <>
      {claims.map((c) => (
        <Card key={c.id} size="small" style={{ marginBottom: 12 }} title={`${c.kind === 'regular' ? '本月申报' : `补报 ${c.seq}`}：${c.status === 'settled' ? '已导入审核结果' : '等待审核结果'}`}>
          <Space wrap>
            <Button onClick={() => void call('claims.resultTemplate', { claimId: c.id }).then(offerDownload)}>下载审核结果模板</Button>
            {c.status === 'submitted' && (
              <Upload
                accept=".xlsx,.json"
                showUploadList={false}
                beforeUpload={(file) => {
                  void readUpload(file).then((f) => imp.mutate({ claimId: c.id, file: f }, { onSuccess: () => void message.success('审核结果已导入，结算已完成') }));
                  return false;
                }}
              >
                <Button type="primary" icon={<UploadOutlined />} loading={imp.isPending}>
                  导入审核结果（.xlsx / .json）
                </Button>
              </Upload>
            )}
          </Space>
        </Card>
      ))}
      <ErrorAlert error={imp.error} />
      {m && (
        <Card title="对账" style={{ marginTop: 12 }} data-testid="reconciliation">
          <Row gutter={16} style={{ marginBottom: 12 }}>
            <Col span={6}><Statistic title="申报基金支付（元）" value={formatYuan(m.claimedFundFen)} /></Col>
            <Col span={6}><Statistic title="实付基金（元）" value={formatYuan(m.paidFundFen)} /></Col>
            <Col span={6}><Statistic title="扣款/拒付（元）" value={formatYuan(m.deductedFen)} valueStyle={{ color: m.deductedFen > 0 ? '#cf1322' : undefined }} /></Col>
            <Col span={6}><Statistic title="已结算申报" value={`${m.settled} / ${m.claims}`} /></Col>
          </Row>
          {(rec.data?.reasons.length ?? 0) > 0 && (
            <Table
              size="small"
              title={() => '扣款原因（按次数）'}
              rowKey="reason"
              pagination={false}
              dataSource={rec.data?.reasons}
              columns={[
                { title: '原因', dataIndex: 'reason' },
                { title: '次数', dataIndex: 'count', align: 'right' },
                { title: '金额（元）', dataIndex: 'deductedFen', align: 'right', render: (f: number) => formatYuan(f) },
              ]}
            />
          )}
          <Table<Person>
            size="small"
            style={{ marginTop: 12 }}
            rowKey={(p) => `${p.claimId}/${p.idNumber}/${p.mode}`}
            dataSource={rec.data?.persons}
            pagination={{ pageSize: 20 }}
            columns={[
              { title: '姓名', dataIndex: 'name' },
              { title: '身份证号', dataIndex: 'idNumber', render: (v: string) => maskIdNumber(v) },
              { title: '护理方式', dataIndex: 'mode', render: (v: CareMode) => CARE_MODE_NAMES[v] },
              { title: '申报基金（元）', dataIndex: 'claimedFundFen', align: 'right', render: (f: number) => formatYuan(f) },
              { title: '结果', dataIndex: 'result', render: (r: string | null) => (r ? <Tag color={RESULT[r]?.[1]}>{RESULT[r]?.[0]}</Tag> : '待审核') },
              { title: '实付（元）', dataIndex: 'paidFundFen', align: 'right', render: (f: number | null) => (f === null ? '—' : formatYuan(f)) },
              { title: '原因', dataIndex: 'reason' },
            ]}
          />
        </Card>
      )}
      <ErrorAlert error={rec.error} />
    </>
  );
}
