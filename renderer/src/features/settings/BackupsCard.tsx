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

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function KindTag({ backup }: { backup: BackupInfo }) {
  if (backup.kind === 'manual') return <Tag color="blue">手动</Tag>;
  if (backup.kind === 'upgrade') return <Tag color="gold">{`升级前（${backup.upgrade?.from ?? '?'} → ${backup.upgrade?.to ?? '?'}）`}</Tag>;
  return <Tag>每日自动</Tag>;
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
        if ('file' in r) void message.success(`已保存并校验：${r.file}`);
      } else {
        offerDownload(await call('backups.download', { name: b.name }));
      }
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Card
      title="数据备份"
      style={{ marginTop: 16 }}
      data-testid="backups"
      extra={
        <Flex gap={8}>
          <Button onClick={() => openFolder.mutate(undefined, { onSuccess: (r) => void (r.opened ? message.success('已打开备份文件夹') : message.info(`浏览器预览无法打开本机文件夹：${list.data?.folder ?? ''}`)) })}>打开备份文件夹</Button>
          <Button type="primary" loading={create.isPending} onClick={() => create.mutate(undefined, { onSuccess: (b) => void message.success(`备份完成：${b.name}（已通过完整性检查）`) })}>
            立即备份
          </Button>
        </Flex>
      }
    >
      <ErrorAlert error={list.error ?? create.error} />
      <Typography.Paragraph type="secondary">
        备份保存在 <code>{list.data?.folder}</code>。桌面程序每天第一次启动时自动备份，自动备份保留最近 {list.data?.keepDaily ?? 14} 份；手动备份和新版本第一次启动前的“升级前”备份不会自动删除。
        建议每月申报后把最新备份另存到U盘。需要从备份恢复时，请先关闭程序，再由管理员运行 <code>ltc restore --db 数据库文件 备份文件</code>（恢复前会自动保留现有数据库的副本），或联系技术支持。
      </Typography.Paragraph>
      <Table<BackupInfo>
        rowKey="name"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.backups ?? []}
        pagination={{ ...PAGER, pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: '还没有备份' }}
        columns={[
          { title: '备份时间', dataIndex: 'at', key: 'at', render: (at: string) => at.replace('T', ' ') },
          { title: '方式', dataIndex: 'kind', key: 'kind', render: (_: BackupInfo['kind'], b) => <KindTag backup={b} /> },
          { title: '大小', dataIndex: 'bytes', key: 'bytes', align: 'right', render: mb },
          { title: '文件', dataIndex: 'name', key: 'name', render: (n: string) => <code>{n}</code> },
          { title: '', key: 'actions', render: (_: unknown, b) => <Button size="small" onClick={() => void copyOut(b)}>{desktop ? '另存到…' : '下载'}</Button> },
        ]}
      />
    </Card>
  );
}
