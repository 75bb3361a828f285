/**
 * 数据备份: a verified backup on request (and automatically once a day when the desktop app starts),
 * the list of backups kept beside the database, and a copy to a USB stick (desktop) or a download
 * (browser preview). Restoring is not a button: it replaces the open database, so it is done with the
 * program closed (`ltc restore`), as the hint says.
 */
import { App, Button, Card, Flex, Table, Tag, Typography } from 'antd';
import type { BackupInfo } from '../../../../shared/api/backups';
import { call } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { offerDownload } from '../../ui/download';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PAGER } from '../../ui/pagination';
import { S } from './strings';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function KindTag({ backup }: { backup: BackupInfo }) {
  if (backup.kind === 'manual') return <Tag color="blue">{S.backups.manual}</Tag>;
  if (backup.kind === 'upgrade') return <Tag color="gold">{S.backups.upgrade(backup.upgrade?.from ?? '?', backup.upgrade?.to ?? '?')}</Tag>;
  return <Tag>{S.backups.daily}</Tag>;
}

export function BackupsCard({ desktop }: { desktop: boolean }) {
  const { message } = App.useApp();
  const list = useApiQuery('backups.list', undefined);
  const create = useApiMutation('backups.create');
  const openFolder = useApiMutation('backups.openFolder');

  const copyOut = async (b: BackupInfo) => {
    try {
      if (desktop) {
        const r = await call('backups.saveToFolder', { name: b.name });
        if ('file' in r) void message.success(S.backups.saved(r.file));
      } else {
        offerDownload(await call('backups.download', { name: b.name }));
      }
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Card
      title={S.backups.title}
      style={{ marginTop: 16 }}
      data-testid="backups"
      extra={
        <Flex gap={8}>
          <Button
            onClick={() =>
              openFolder.mutate(undefined, {
                onSuccess: (r) => void (r.opened ? message.success(S.backups.folderOpened) : message.info(S.backups.folderNotOpened(list.data?.folder ?? ''))),
              })
            }
          >
            {S.backups.openFolder}
          </Button>
          <Button
            type="primary"
            loading={create.isPending}
            onClick={() => create.mutate(undefined, { onSuccess: (b) => void message.success(S.backups.created(b.name)) })}
          >
            {S.backups.create}
          </Button>
        </Flex>
      }
    >
      <ErrorAlert error={list.error ?? create.error} />
      <Typography.Paragraph type="secondary">
        {S.backups.noteFolder}
        <code>{list.data?.folder}</code>
        {S.backups.noteKeep(list.data?.keepDaily ?? 14)}
        <code>{S.backups.restoreCommand}</code>
        {S.backups.noteRestore}
      </Typography.Paragraph>
      <Table<BackupInfo>
        rowKey="name"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.backups ?? []}
        pagination={{ ...PAGER, pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: S.backups.empty }}
        columns={[
          { title: S.backups.col.at, dataIndex: 'at', key: 'at', render: (at: string) => at.replace('T', ' ') },
          { title: S.backups.col.kind, dataIndex: 'kind', key: 'kind', render: (_: BackupInfo['kind'], b) => <KindTag backup={b} /> },
          { title: S.backups.col.size, dataIndex: 'bytes', key: 'bytes', align: 'right', render: mb },
          { title: S.backups.col.file, dataIndex: 'name', key: 'name', render: (n: string) => <code>{n}</code> },
          {
            title: '',
            key: 'actions',
            render: (_: unknown, b) => (
              <Button size="small" onClick={() => void copyOut(b)}>
                {desktop ? S.backups.saveAs : S.backups.download}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}
