/**
 * 安全模式: what the window shows when the database cannot be opened (decisions.md D36). No navigation to
 * the normal screens: the file's path and what is wrong in plain words, the verified backups with their
 * dates and counts, a restore from a preview after a confirmation, another file, and an export of what can
 * still be read. Once a database is open, the page starts again as the normal app.
 */
import { Alert, App, Button, Card, Descriptions, Flex, Input, Modal, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { BackupPreview, RecoveryBackup, RecoveryStatus } from '../../../../shared/api/recovery';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { offerDownload } from '../../ui/download';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageTitle, SectionTitle } from '../../ui/headings';
import { S } from './strings';

type Safe = Extract<RecoveryStatus, { mode: 'safe' }>;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const when = (at: string) => at.replace('T', ' ');
const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The page starts again from the top: the status is now normal and the app's screens show. */
function startAgain(): void {
  window.location.hash = '#/';
  window.location.reload();
}

function KindTag({ kind }: { kind: RecoveryBackup['kind'] }) {
  if (kind === 'manual') return <Tag color="blue">{S.backups.manual}</Tag>;
  if (kind === 'upgrade') return <Tag color="gold">{S.backups.upgrade}</Tag>;
  return <Tag>{S.backups.daily}</Tag>;
}

function PreviewModal({ preview, onClose, onRestore, busy }: { preview: BackupPreview | null; onClose(): void; onRestore(): void; busy: boolean }) {
  return (
    <Modal
      open={preview !== null}
      title={preview ? S.preview.title(when(preview.at)) : ''}
      onCancel={onClose}
      footer={[
        <Button key="close" onClick={onClose}>
          {S.preview.close}
        </Button>,
        <Button key="restore" type="primary" danger loading={busy} onClick={onRestore}>
          {S.preview.restore}
        </Button>,
      ]}
    >
      {preview && (
        <Descriptions column={1} size="small" bordered data-testid="backup-preview">
          <Descriptions.Item label={S.preview.institution}>{preview.institution ?? S.preview.none}</Descriptions.Item>
          <Descriptions.Item label={S.preview.counts}>{S.backups.countsText(preview.counts)}</Descriptions.Item>
          <Descriptions.Item label={S.preview.months}>
            {preview.months.length ? preview.months.map((m) => S.preview.monthItem(m.month, m.visits)).join('、') : S.preview.none}
          </Descriptions.Item>
          <Descriptions.Item label={S.preview.claimed}>{preview.claimedMonths.length ? preview.claimedMonths.join('、') : S.preview.none}</Descriptions.Item>
        </Descriptions>
      )}
    </Modal>
  );
}

function BackupsSection({ status }: { status: Safe }) {
  const { message, modal } = App.useApp();
  const list = useApiQuery('recovery.backups', undefined);
  const [preview, setPreview] = useState<BackupPreview | null>(null);
  const [busy, setBusy] = useState(false);

  const showPreview = async (b: RecoveryBackup) => {
    try {
      setPreview(await call('recovery.preview', { name: b.name }));
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  const restore = (p: BackupPreview) => {
    modal.confirm({
      title: S.confirm.title,
      content: (
        <>
          <p>{S.confirm.body(when(p.at), status.failure.file)}</p>
          {status.failure.kind === 'too-new' && <Alert type="warning" showIcon title={S.confirm.tooNew} />}
        </>
      ),
      okText: S.confirm.ok,
      okButtonProps: { danger: true },
      cancelText: S.confirm.cancel,
      onOk: async () => {
        setBusy(true);
        try {
          const r = await call('recovery.restore', { name: p.name, confirm: true });
          setPreview(null);
          modal.success({ title: S.confirm.done(r.keptAs), onOk: startAgain, okText: S.confirm.enter });
        } catch (e) {
          void message.error(errorText(e));
        } finally {
          setBusy(false);
        }
      },
    });
  };

  return (
    <Card title={<SectionTitle style={{ margin: 0 }}>{S.backups.title}</SectionTitle>} data-testid="recovery-backups">
      <ErrorAlert error={list.error} />
      {list.data && <Typography.Paragraph type="secondary">{S.backups.folder(list.data.folder)}</Typography.Paragraph>}
      {list.data && list.data.backups.length === 0 ? (
        <Alert type="info" showIcon title={S.backups.none} />
      ) : (
        <Table<RecoveryBackup>
          rowKey="name"
          size="small"
          loading={list.isLoading ? { tip: S.loadingBackups } : false}
          dataSource={list.data?.backups ?? []}
          pagination={false}
          columns={[
            { title: S.backups.at, dataIndex: 'at', render: (at: string) => when(at) },
            { title: S.backups.kind, dataIndex: 'kind', render: (k: RecoveryBackup['kind']) => <KindTag kind={k} /> },
            { title: S.backups.size, dataIndex: 'bytes', render: mb },
            { title: S.backups.institution, dataIndex: 'institution', render: (v: string | null) => v ?? '—' },
            { title: S.backups.counts, dataIndex: 'counts', render: (c: RecoveryBackup['counts']) => (c ? S.backups.countsText(c) : '—') },
            {
              title: S.backups.verify,
              dataIndex: 'verified',
              render: (ok: boolean, b) =>
                ok ? (
                  <Tag color="green">{S.backups.verified}</Tag>
                ) : (
                  <span>
                    <Tag color="red">{S.backups.notVerified}</Tag>
                    <Typography.Text type="secondary">{b.problem}</Typography.Text>
                  </span>
                ),
            },
            {
              title: S.backups.actions,
              key: 'actions',
              render: (_v, b) => (
                <Button size="small" disabled={!b.verified} aria-label={S.backups.previewOf(when(b.at))} onClick={() => void showPreview(b)}>
                  {S.backups.preview}
                </Button>
              ),
            },
          ]}
        />
      )}
      <PreviewModal preview={preview} busy={busy} onClose={() => setPreview(null)} onRestore={() => preview && restore(preview)} />
    </Card>
  );
}

/** A section's one action: busy while it runs, and what it refused shown under the section until the next try. */
function useSectionAction() {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const shown =
    error === null ? null : (
      <div style={{ marginTop: 12 }}>
        <ErrorAlert error={error} />
      </div>
    );
  return { busy, run, shown };
}

/** One field and its button, submitted with Enter too; the button waits for something typed. */
function OneFieldForm(props: { label: string; value: string; onChange(v: string): void; submit: string; busy: boolean; onSubmit(): void }) {
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit();
      }}
    >
      <Flex gap={8}>
        <Input aria-label={props.label} placeholder={props.label} value={props.value} autoComplete="off" onChange={(e) => props.onChange(e.target.value)} />
        <Button htmlType="submit" type="primary" loading={props.busy} disabled={!props.value.trim()}>
          {props.submit}
        </Button>
      </Flex>
    </form>
  );
}

function OpenOtherSection({ desktop }: { desktop: boolean }) {
  const { message } = App.useApp();
  const [path, setPath] = useState('');
  const { busy, run, shown } = useSectionAction();
  const open = () =>
    run(async () => {
      const r = await call('recovery.openFile', desktop ? {} : { path: path.trim() });
      if ('opened' in r) {
        void message.success(S.open.opened(r.opened));
        startAgain();
      }
    });
  return (
    <Card title={<SectionTitle style={{ margin: 0 }}>{S.open.title}</SectionTitle>} data-testid="recovery-open">
      <Typography.Paragraph type="secondary">{desktop ? S.open.hintDesktop : S.open.hintBrowser}</Typography.Paragraph>
      {desktop ? (
        <Button onClick={() => void open()} loading={busy}>
          {S.open.choose}
        </Button>
      ) : (
        <OneFieldForm label={S.open.pathLabel} value={path} onChange={setPath} submit={S.open.open} busy={busy} onSubmit={() => void open()} />
      )}
      {shown}
    </Card>
  );
}

/** An encrypted database this PC has no key for (decisions.md D37): the recovery code opens it (desktop only). */
function UnlockSection() {
  const { message } = App.useApp();
  const [code, setCode] = useState('');
  const { busy, run, shown } = useSectionAction();
  const unlock = () =>
    run(async () => {
      const r = await call('recovery.unlock', { recoveryCode: code.trim() });
      if (r.mode === 'normal') startAgain();
      else void message.warning(S.unlock.still(r.failure.title));
    });
  return (
    <Card title={<SectionTitle style={{ margin: 0 }}>{S.unlock.title}</SectionTitle>} data-testid="recovery-unlock">
      <Typography.Paragraph type="secondary">{S.unlock.hint}</Typography.Paragraph>
      <OneFieldForm label={S.unlock.label} value={code} onChange={setCode} submit={S.unlock.submit} busy={busy} onSubmit={() => void unlock()} />
      {shown}
    </Card>
  );
}

function SalvageSection() {
  const { message } = App.useApp();
  const { busy, run, shown } = useSectionAction();
  const salvage = () =>
    run(async () => {
      const r = await call('recovery.export');
      offerDownload(r.file);
      void message.success(S.salvage.done(r.tables.length, r.unreadable.length));
    });
  return (
    <Card title={<SectionTitle style={{ margin: 0 }}>{S.salvage.title}</SectionTitle>} data-testid="recovery-export">
      <Typography.Paragraph type="secondary">{S.salvage.hint}</Typography.Paragraph>
      <Button onClick={() => void salvage()} loading={busy}>
        {S.salvage.run}
      </Button>
      {shown}
    </Card>
  );
}

export function RecoveryScreen({ status }: { status: Safe }) {
  const { message } = App.useApp();
  const [retrying, setRetrying] = useState(false);
  const { failure } = status;
  const retry = async () => {
    setRetrying(true);
    try {
      const r = await call('recovery.retry');
      if (r.mode === 'normal') startAgain();
      else void message.warning(S.retryStill(r.failure.title));
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setRetrying(false);
    }
  };
  return (
    <main style={{ maxWidth: 1100, margin: '0 auto', padding: 24 }} data-testid="recovery">
      <PageTitle>{S.title}</PageTitle>
      <Typography.Paragraph>{S.lead}</Typography.Paragraph>
      <Flex vertical gap={16}>
        <Alert
          type="error"
          showIcon
          data-testid="recovery-problem"
          title={<strong>{S.headline[failure.kind]}</strong>}
          description={
            <div>
              <p style={{ margin: '4px 0' }}>
                {S.file}
                <Typography.Text code copyable>
                  {failure.file}
                </Typography.Text>
              </p>
              <p style={{ margin: '4px 0' }}>{failure.advice}</p>
              <details>
                <summary>{S.detail}</summary>
                <Typography.Text type="secondary">{failure.detail}</Typography.Text>
              </details>
            </div>
          }
          action={
            <Button onClick={() => void retry()} loading={retrying}>
              {S.retry}
            </Button>
          }
        />
        {status.shell === 'desktop' && (failure.kind === 'encrypted' || failure.kind === 'wrong-key') && <UnlockSection />}
        <BackupsSection status={status} />
        <OpenOtherSection desktop={status.shell === 'desktop'} />
        <SalvageSection />
      </Flex>
    </main>
  );
}
