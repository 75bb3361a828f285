/**
 * 更新: the 更新服务器地址, the running version, 检查更新, and a new version when one is offered: its notes,
 * 下载 with a progress bar, then 立即重启并安装, which waits (and says why) while a submission or an import
 * runs; otherwise the new version installs on the next quit. The desktop app checks at start and daily
 * by itself; it never downloads or restarts without being asked.
 */
import { Alert, App, Button, Card, Descriptions, Flex, Popconfirm, Progress, Skeleton, Typography } from 'antd';
import type { UpdateStatus } from '../../../../shared/api/updates';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FeedUrlForm } from './FeedUrlForm';
import { UpdateOffer } from './UpdateOffer';
import { S } from './strings';

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** Fast while something moves, slower while a restart may be waiting for a job, else now and then. */
function pollMs(s: UpdateStatus | undefined): number | false {
  if (!s || s.phase === 'unavailable') return false;
  if (s.phase === 'checking' || s.phase === 'downloading') return 500;
  if (s.phase === 'downloaded') return 3000;
  return 30_000;
}

export function UpdatesCard() {
  const status = useApiQuery('updates.status', undefined, { refetchInterval: (q) => pollMs(q.state.data) });
  const s = status.data;
  return (
    <Card title={S.updates.title} style={{ marginTop: 16 }} data-testid="updates">
      <ErrorAlert error={status.error} />
      {!s ? (
        <Skeleton active />
      ) : (
        <>
          <Descriptions column={1} size="small" style={{ marginBottom: 16 }}>
            <Descriptions.Item label={S.updates.currentVersion}>
              <span data-testid="update-current-version">{s.currentVersion}</span>
            </Descriptions.Item>
            {s.lastCheckedAt && <Descriptions.Item label={S.updates.lastChecked}>{s.lastCheckedAt.slice(0, 19).replace('T', ' ')}</Descriptions.Item>}
          </Descriptions>
          <FeedUrlForm feedUrl={s.feedUrl} />
          {s.phase === 'unavailable' ? <Alert type="info" showIcon title={s.unavailableReason} data-testid="update-unavailable" /> : <UpdateActions s={s} />}
        </>
      )}
    </Card>
  );
}

function UpdateActions({ s }: { s: UpdateStatus }) {
  const { message } = App.useApp();
  const check = useApiMutation('updates.check');
  const download = useApiMutation('updates.download');
  const install = useApiMutation('updates.install');
  const checking = s.phase === 'checking' || check.isPending;

  if (s.phase === 'off') return <Typography.Text type="secondary">{S.updates.off}</Typography.Text>;
  return (
    <Flex vertical gap={12}>
      <ErrorAlert error={check.error ?? download.error ?? install.error} />
      {s.error && <Alert type="error" showIcon title={s.error} data-testid="update-error" />}
      {s.phase === 'upToDate' && <Typography.Text data-testid="update-uptodate">{S.updates.upToDate(s.currentVersion)}</Typography.Text>}
      {s.offered && <UpdateOffer offered={s.offered} downloaded={s.phase === 'downloaded'} />}
      {s.phase === 'downloading' && s.progress && (
        <div>
          <Progress data-testid="update-progress" percent={s.progress.percent} status="active" />
          {s.progress.totalBytes > 0 && (
            <Typography.Text type="secondary">{`${mb(s.progress.transferredBytes)} / ${mb(s.progress.totalBytes)} MB`}</Typography.Text>
          )}
        </div>
      )}
      {s.phase === 'downloaded' ? (
        <>
          <Flex gap={12} align="center" wrap>
            <Popconfirm
              title={S.updates.installTitle}
              description={S.updates.installBody}
              okText={S.updates.installOk}
              cancelText={S.updates.cancel}
              onConfirm={() => install.mutate(undefined, { onSuccess: () => void message.info(S.updates.installing) })}
              disabled={s.restartWaitsFor !== null}
            >
              <Button type="primary" disabled={s.restartWaitsFor !== null} loading={install.isPending}>
                {S.updates.install}
              </Button>
            </Popconfirm>
            {s.restartWaitsFor && (
              <Typography.Text type="warning" data-testid="update-restart-waits">
                {s.restartWaitsFor}
              </Typography.Text>
            )}
          </Flex>
          <Typography.Text type="secondary">{S.updates.installLater}</Typography.Text>
        </>
      ) : (
        <Flex gap={8}>
          {s.offered && s.phase !== 'downloading' && (
            <Button type="primary" loading={download.isPending} onClick={() => download.mutate(undefined)}>
              {s.phase === 'error' ? S.updates.downloadAgain : S.updates.download}
            </Button>
          )}
          <Button loading={checking} disabled={s.phase === 'downloading'} onClick={() => check.mutate(undefined)}>
            {S.updates.check}
          </Button>
        </Flex>
      )}
    </Flex>
  );
}
