/** 系统与数据: where the database file is, a way to open its folder, the backups and the updates. */
import { App, Button, Descriptions, Skeleton } from 'antd';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageHeader } from '../../ui/PageHeader';
import { BackupsCard } from './BackupsCard';
import { UpdatesCard } from './UpdatesCard';

export function SystemPage() {
  const { message } = App.useApp();
  const info = useApiQuery('app.info', undefined);
  const open = useApiMutation('app.openDataFolder');
  if (info.isLoading) return <Skeleton active />;
  if (info.error) return <ErrorAlert error={info.error} />;
  const i = info.data;
  return (
    <>
      <PageHeader title="系统与数据" />
      {i && (
        <Descriptions bordered column={1} size="middle">
          <Descriptions.Item label="程序版本">{i.version}</Descriptions.Item>
          <Descriptions.Item label="数据库文件">
            <code data-testid="database-file">{i.databaseFile}</code>{' '}
            <Button
              size="small"
              onClick={() =>
                open.mutate(undefined, {
                  onSuccess: (r) => void (r.opened ? message.success('已打开数据文件夹') : message.info('浏览器预览无法打开本机文件夹，请按上面的路径自行打开')),
                })
              }
            >
              打开所在文件夹
            </Button>
          </Descriptions.Item>
          <Descriptions.Item label="数据库结构版本">{i.schemaVersion}</Descriptions.Item>
          <Descriptions.Item label="运行方式">{i.shell === 'desktop' ? '桌面程序' : '浏览器预览'}</Descriptions.Item>
        </Descriptions>
      )}
      {i && <BackupsCard desktop={i.shell === 'desktop'} />}
      {i && <UpdatesCard />}
    </>
  );
}
