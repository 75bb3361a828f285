/**
 * 审核结果: the agency's answer per line (template; import after a preview of what it records) and the
 * reconciliation.
 */
import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Spin, Upload } from 'antd';
import { useState } from 'react';
import type { ClaimSummary, ResultPreview } from '../../../../shared/api/claims';
import { call } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { offerDownload, readUpload } from '../../ui/download';
import { ReconciliationCard } from './ReconciliationCard';
import { ResultHistory } from './ResultHistory';
import { ResultPreviewModal } from './ResultPreview';
import { claimLabel, S } from './strings';

const R = S.result_;

interface Pending {
  claimId: number;
  file: { name: string; base64: string };
  preview: ResultPreview;
  /** a corrected result for a settled claim */
  replace: boolean;
  /** 更正原因, as typed (a corrected result only) */
  correctionReason: string;
}

export function ResultPanel({ month, claims }: { month: string; claims: ClaimSummary[] }) {
  const { message } = App.useApp();
  const imp = useApiMutation('claims.importResult');
  const rec = useApiQuery('claims.reconciliation', { month });
  // Per month over every month, so this month's deductions stand next to the months before.
  const all = useApiQuery('claims.reconciliation', {});
  const [checking, setChecking] = useState(false);
  const [checkError, setCheckError] = useState<unknown>(null);
  const [pending, setPending] = useState<Pending | null>(null);

  // Read and check the file first (nothing is written); the preview then asks for the confirmation.
  const check = async (c: ClaimSummary, f: File) => {
    setChecking(true);
    setCheckError(null);
    imp.reset();
    const replace = c.status === 'settled';
    try {
      const file = await readUpload(f);
      setPending({ claimId: c.id, file, replace, correctionReason: '', preview: await call('claims.previewResult', { claimId: c.id, file, replace }) });
    } catch (e) {
      setCheckError(e);
    } finally {
      setChecking(false);
    }
  };
  const confirm = (p: Pending) =>
    imp.mutate(
      { claimId: p.claimId, file: p.file, replace: p.replace, ...(p.replace ? { correctionReason: p.correctionReason.trim() } : {}) },
      {
        onSuccess: () => {
          setPending(null);
          void message.success(p.replace ? R.corrected : R.imported);
        },
        onError: () => setPending(null),
      },
    );

  return (
    <>
      {claims.map((c) => (
        <Card
          key={c.id}
          size="small"
          style={{ marginBottom: 12 }}
          title={`${c.kind === 'regular' ? S.thisMonthClaim : S.suppName(c.seq)}：${c.status === 'settled' ? R.settled : R.waiting}`}
        >
          <Space wrap>
            <Button onClick={() => void call('claims.resultTemplate', { claimId: c.id }).then(offerDownload, (e: Error) => void message.error(e.message))}>
              {R.template}
            </Button>
            {(c.status === 'submitted' || c.status === 'settled') && (
              <Upload
                accept=".xlsx,.json"
                showUploadList={false}
                beforeUpload={(file) => {
                  void check(c, file);
                  return false;
                }}
              >
                {/* settled: the agency's corrected result replaces the one imported (kept as history) */}
                <Button
                  type={c.status === 'submitted' ? 'primary' : 'default'}
                  icon={<UploadOutlined />}
                  loading={checking || imp.isPending}
                  aria-label={`${c.status === 'submitted' ? R.import : R.correct}：${claimLabel(c)}`}
                >
                  {c.status === 'submitted' ? R.import : R.correct}
                </Button>
              </Upload>
            )}
          </Space>
          {c.status === 'settled' && <ResultHistory claimId={c.id} />}
        </Card>
      ))}
      {checking && <Spin size="small" description={R.checking} />}
      <ErrorAlert error={checkError ?? imp.error} />
      <ResultPreviewModal
        preview={pending?.preview ?? null}
        fileName={pending?.file.name ?? ''}
        importing={imp.isPending}
        correctionReason={pending?.correctionReason ?? ''}
        onCorrectionReason={(correctionReason) => setPending((p) => (p ? { ...p, correctionReason } : p))}
        onOk={() => pending && confirm(pending)}
        onCancel={() => setPending(null)}
      />
      {rec.data && rec.data.months.length > 0 && <ReconciliationCard rec={rec.data} months={all.data?.months ?? rec.data.months} month={month} />}
      <ErrorAlert error={rec.error ?? all.error} />
    </>
  );
}
