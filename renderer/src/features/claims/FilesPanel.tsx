/**
 * 申报文件: the frozen package of a submitted claim. The desktop app saves it to a folder (a USB stick)
 * and reads every file back; the browser preview cannot write folders, so it offers each file as a
 * download. The last 校验 stays on the panel (when, by whom, each file's result), not only as a toast.
 */
import { Alert, App, Button, Space, Table, Tag, Typography } from 'antd';
import type { PackageFileInfo, VerificationRecord, VerifyResult } from '../../../../shared/api/claims';
import { isInternalPackageFile } from '../../../../shared/claims/packageFiles';
import { call } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { useJob } from '../../api/useJob';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { offerDownload, openInNewTab } from '../../ui/download';
import { JobProgress } from './JobProgress';
import { S } from './strings';

const P = S.pkg;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

const when = (at: string) => at.slice(0, 19).replace('T', ' ');

function VerificationNote({ v, files }: { v: VerificationRecord | null; files: number }) {
  if (!v)
    return (
      <Typography.Paragraph type="secondary" data-testid="verification">
        {P.neverVerified}
      </Typography.Paragraph>
    );
  const title = `${P.lastVerified(when(v.at), v.by)}：${v.identical ? P.verifiedOk(files) : P.verifiedBad(v.differing.length)}`;
  return (
    <Alert
      data-testid="verification"
      type={v.identical ? 'success' : 'error'}
      showIcon
      title={title}
      description={
        (!v.identical || !!v.olderLayout) && (
          <>
            {!v.identical && <div>{P.differing(v.differing)}</div>}
            {v.olderLayout && <div data-testid="verification-older-layout">{P.olderLayout(v.olderLayout)}</div>}
          </>
        )
      }
      style={{ marginBottom: 12 }}
    />
  );
}

export function FilesPanel({ claimId, files, verification }: { claimId: number; files: PackageFileInfo[]; verification: VerificationRecord | null }) {
  const { message, modal } = App.useApp();
  const info = useApiQuery('app.info', undefined);
  const save = useApiMutation('claims.saveToFolder');
  // 校验 makes the whole package again (seconds for a big month): a job, with its progress shown.
  const verifyJob = useJob();
  const verify = async () => {
    const done = await verifyJob.run(() => call('claims.verify', { claimId }));
    const r = done?.result as VerifyResult | undefined;
    if (!r) return;
    if (r.identical) void message.success(r.olderLayout ? P.identicalOlder : P.identical);
    else void message.error(P.differing(r.differing));
  };
  const desktop = info.data?.shell === 'desktop';
  const download = async (name: string) => offerDownload(await call('claims.file', { claimId, name, purpose: 'download' }));
  // The printed documents: the desktop hands them to the system's PDF viewer; a browser opens its own.
  const openPdf = async (name: string) => {
    if (desktop) {
      const r = await call('claims.openFile', { claimId, name });
      if (!r.opened) void message.warning(P.openFailed);
    } else {
      openInNewTab(await call('claims.file', { claimId, name, purpose: 'preview' }));
    }
  };
  const fail = (e: Error) => void message.error(e.message);
  const downloadAll = async () => {
    // One at a time: browsers refuse a burst of simultaneous downloads from one click.
    for (const f of files) {
      await download(f.name);
      await pause(300);
    }
  };
  return (
    <>
      {info.data && !desktop && <Alert type="info" showIcon title={P.browserOnly} style={{ marginBottom: 12 }} />}
      <Space style={{ marginBottom: 12 }} wrap>
        {desktop && (
          <Button
            type="primary"
            loading={save.isPending}
            onClick={() =>
              save.mutate(
                { claimId },
                {
                  onSuccess: (r) => {
                    if (!('cancelled' in r)) modal.success({ title: P.saved, content: P.savedDetail(r.files.length, r.folder) });
                  },
                },
              )
            }
          >
            {P.save}
          </Button>
        )}
        <Button type={desktop ? 'default' : 'primary'} onClick={() => void downloadAll().catch((e: Error) => void message.error(e.message))}>
          {P.downloadAll}
        </Button>
        <Button loading={verifyJob.running} onClick={() => void verify()}>
          {P.verify}
        </Button>
      </Space>
      {verifyJob.running && <JobProgress status={verifyJob.status} testId="verify-job-progress" />}
      <ErrorAlert error={save.error ?? verifyJob.error} />
      <VerificationNote v={verification} files={files.length} />
      <Table<PackageFileInfo>
        size="small"
        rowKey="name"
        pagination={false}
        dataSource={files}
        columns={[
          { title: P.col.name, dataIndex: 'name' },
          {
            title: P.col.use,
            key: 'use',
            render: (_v, f) => (isInternalPackageFile(f.name) ? <Tag>{P.internal}</Tag> : P.upload),
          },
          { title: P.col.size, dataIndex: 'bytes', align: 'right', render: (b: number) => `${(b / 1024).toFixed(1)} KB` },
          {
            title: P.col.check,
            key: 'check',
            render: (_v, f) =>
              verification ? verification.differing.includes(f.name) ? <Tag color="red">{P.differs}</Tag> : <Tag color="green">{P.same}</Tag> : '—',
          },
          {
            title: 'SHA-256',
            dataIndex: 'sha256',
            render: (h: string) => (
              <Typography.Text code copyable={{ text: h }}>
                {h.slice(0, 16)}…
              </Typography.Text>
            ),
          },
          {
            title: '',
            key: 'dl',
            render: (_v, f) => (
              <Space>
                {f.name.endsWith('.pdf') && (
                  <Button size="small" aria-label={`${desktop ? P.open : P.preview} ${f.name}`} onClick={() => void openPdf(f.name).catch(fail)}>
                    {desktop ? P.open : P.preview}
                  </Button>
                )}
                <Button size="small" aria-label={`${P.download} ${f.name}`} onClick={() => void download(f.name).catch(fail)}>
                  {P.download}
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}
