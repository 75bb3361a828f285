/** 审核结果: the agency's answer per line (template, import after a confirmation) and the reconciliation. */
import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Upload } from 'antd';
import type { ClaimSummary } from '../../../../shared/api/claims';
import { call } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { offerDownload, readUpload } from '../../ui/download';
import { ReconciliationCard } from './ReconciliationCard';
import { S } from './strings';

const R = S.result_;

export function ResultPanel({ month, claims }: { month: string; claims: ClaimSummary[] }) {
  const { message, modal } = App.useApp();
  const imp = useApiMutation('claims.importResult');
  const rec = useApiQuery('claims.reconciliation', { month });
  // Per month over every month, so this month's deductions stand next to the months before.
  const all = useApiQuery('claims.reconciliation', {});

  const importFile = (c: ClaimSummary, file: File) =>
    modal.confirm({
      title: R.confirmTitle(file.name),
      content: R.confirm,
      okText: S.ok,
      cancelText: S.cancel,
      onOk: async () => {
        const f = await readUpload(file);
        imp.mutate({ claimId: c.id, file: f }, { onSuccess: () => void message.success(R.imported) });
      },
    });

  return (
    <>
      {claims.map((c) => (
        <Card key={c.id} size="small" style={{ marginBottom: 12 }} title={`${c.kind === 'regular' ? '本月申报' : `补报 ${c.seq}`}：${c.status === 'settled' ? R.settled : R.waiting}`}>
          <Space wrap>
            <Button onClick={() => void call('claims.resultTemplate', { claimId: c.id }).then(offerDownload, (e: Error) => void message.error(e.message))}>{R.template}</Button>
            {c.status === 'submitted' && (
              <Upload
                accept=".xlsx,.json"
                showUploadList={false}
                beforeUpload={(file) => {
                  importFile(c, file);
                  return false;
                }}
              >
                <Button type="primary" icon={<UploadOutlined />} loading={imp.isPending}>
                  {R.import}
                </Button>
              </Upload>
            )}
          </Space>
        </Card>
      ))}
      <ErrorAlert error={imp.error} />
      {rec.data && rec.data.months.length > 0 && <ReconciliationCard rec={rec.data} months={all.data?.months ?? rec.data.months} />}
      <ErrorAlert error={rec.error ?? all.error} />
    </>
  );
}
