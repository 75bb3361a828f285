/**
 * 导入上门服务记录: choose a file, see every row checked (errors with row and column, the claim's
 * problems as warnings), exclude what cannot be fixed now, then import in one go. Nothing is stored
 * while an error row is still included; the commit sends the same file and is checked again.
 */
import { App, Alert, Button, Flex, Input, Radio, Result, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { ImportPreview, ImportResult, ImportRowStatus } from '../../../../shared/api/visits';
import { call } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { offerDownload, readUpload } from '../../ui/download';
import { FileDrop } from '../../ui/FileDrop';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageHeader } from '../../ui/PageHeader';
import { ImportPreviewTable } from './ImportPreviewTable';
import { IMPORT } from './strings';

type Shown = 'all' | ImportRowStatus;

export function ImportPage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [excluded, setExcluded] = useState<Set<number>>(new Set());
  const [shown, setShown] = useState<Shown>('all');
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<ImportResult | null>(null);
  const preview = useApiMutation('visits.importPreview');
  const commit = useApiMutation('visits.importCommit');
  const data: ImportPreview | undefined = preview.data;

  const choose = async (f: File): Promise<void> => {
    const upload = await readUpload(f);
    setFile(upload);
    setExcluded(new Set());
    setShown('all');
    setDone(null);
    commit.reset();
    preview.mutate({ file: upload });
  };
  const reset = (): void => {
    setFile(null);
    setDone(null);
    preview.reset();
    commit.reset();
  };

  const rows = useMemo(() => (data ? (shown === 'all' ? data.rows : data.rows.filter((r) => r.status === shown)) : []), [data, shown]);
  const errorsLeft = data ? data.rows.filter((r) => r.status === 'error' && !excluded.has(r.row)).length : 0;
  const toImport = data ? data.rows.filter((r) => (r.status === 'ok' || r.status === 'warning') && !excluded.has(r.row)).length : 0;
  const lockedIncluded = data ? [...new Set(data.rows.filter((r) => r.lockedMonth && !excluded.has(r.row)).map((r) => r.lockedMonth!))] : [];

  const onCommit = (): void => {
    if (!file) return;
    commit.mutate(
      { file, exclude: [...excluded], ...(reason.trim() ? { correctionReason: reason.trim() } : {}) },
      {
        onSuccess: (r) => {
          setDone(r);
          void message.success(IMPORT.done(r.added));
        },
      },
    );
  };

  const header = (
    <PageHeader
      title={IMPORT.title}
      subtitle={IMPORT.subtitle}
      extra={
        <>
          <Button onClick={() => void call('visits.importTemplate').then(offerDownload, (e: unknown) => void message.error(String(e)))}>{IMPORT.template}</Button>
          <Button onClick={() => void navigate('/visits')}>{IMPORT.back}</Button>
        </>
      }
    />
  );

  if (done) {
    return (
      <>
        {header}
        <Result
          status="success"
          title={IMPORT.done(done.added)}
          subTitle={IMPORT.doneDetail(done.skippedDuplicates, done.excluded)}
          extra={[
            <Button key="list" type="primary" onClick={() => void navigate('/visits')}>
              {IMPORT.viewList}
            </Button>,
            <Button key="again" onClick={reset}>
              {IMPORT.another}
            </Button>,
          ]}
        />
      </>
    );
  }

  return (
    <>
      {header}
      {!data && (
        <FileDrop accept=".csv,.xlsx" busy={preview.isPending} onFile={(f) => void choose(f)} text={IMPORT.choose} busyText={IMPORT.reading} hint={IMPORT.chooseHint} />
      )}
      <ErrorAlert error={preview.error} />
      {preview.error && <Button style={{ marginTop: 8 }} onClick={reset}>{IMPORT.another}</Button>}
      {data && (
        <Flex vertical gap={12}>
          <Flex justify="space-between" align="center" wrap gap={8}>
            <Space wrap>
              <Typography.Text strong>{data.fileName}</Typography.Text>
              <Typography.Text type="secondary">{IMPORT.summary(data.counts.total)}</Typography.Text>
              {data.encoding && <Typography.Text type="secondary">{IMPORT.encoding(data.encoding)}</Typography.Text>}
              {data.ignoredColumns.length > 0 && <Typography.Text type="secondary">{IMPORT.ignored(data.ignoredColumns)}</Typography.Text>}
            </Space>
            <Button onClick={reset}>{IMPORT.another}</Button>
          </Flex>
          <Radio.Group value={shown} onChange={(e) => setShown(e.target.value as Shown)} optionType="button" aria-label="按状态显示">
            <Radio.Button value="all">{`${IMPORT.filterAll} ${data.counts.total}`}</Radio.Button>
            {(['ok', 'warning', 'error', 'duplicate'] as const).map((s) => (
              <Radio.Button key={s} value={s}>{`${IMPORT.status[s]} ${data.counts[s]}`}</Radio.Button>
            ))}
          </Radio.Group>
          {errorsLeft > 0 && (
            <Alert
              type="error"
              showIcon
              title={IMPORT.errorsLeft(errorsLeft)}
              action={
                <Button size="small" danger onClick={() => setExcluded(new Set([...excluded, ...data.rows.filter((r) => r.status === 'error').map((r) => r.row)]))}>
                  {IMPORT.excludeErrors}
                </Button>
              }
            />
          )}
          {data.counts.warning > 0 && <Alert type="warning" showIcon title={IMPORT.warningsNote} />}
          {data.counts.duplicate > 0 && <Alert type="info" showIcon title={IMPORT.duplicatesNote(data.counts.duplicate)} />}
          {lockedIncluded.length > 0 && (
            <Alert
              type="warning"
              showIcon
              title={IMPORT.lockedNote(lockedIncluded)}
              description={<Input aria-label="更正原因" placeholder="更正原因（必填）" maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} style={{ maxWidth: 480 }} />}
            />
          )}
          <ImportPreviewTable
            rows={rows}
            excluded={excluded}
            onExclude={(row, on) => {
              const next = new Set(excluded);
              if (on) next.add(row);
              else next.delete(row);
              setExcluded(next);
            }}
          />
          <ErrorAlert error={commit.error} />
          <Space>
            <Button type="primary" disabled={errorsLeft > 0 || toImport === 0 || (lockedIncluded.length > 0 && !reason.trim())} loading={commit.isPending} onClick={onCommit}>
              {IMPORT.commit(toImport)}
            </Button>
          </Space>
        </Flex>
      )}
    </>
  );
}
