/** 系统与数据: where the database file is, a way to open its folder, its encryption, the backups and the updates. */
import { App, Button, Descriptions, Skeleton } from 'antd';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageHeader } from '../../ui/PageHeader';
import { BackupsCard } from './BackupsCard';
import { EncryptionCard } from './EncryptionCard';
import { UpdatesCard } from './UpdatesCard';
import { S } from './strings';

export function SystemPage() {
  const { message } = App.useApp();
  const info = useApiQuery('app.info', undefined);
  const open = useApiMutation('app.openDataFolder');
  if (info.isLoading) return <Skeleton active />;
  if (info.error) return <ErrorAlert error={info.error} />;
  const i = info.data;
  return (
    <>
      <PageHeader title={S.system.title} />
      {i && (
        <Descriptions bordered column={1} size="middle">
          <Descriptions.Item label={S.system.version}>{i.version}</Descriptions.Item>
          <Descriptions.Item label={S.system.databaseFile}>
            <code data-testid="database-file">{i.databaseFile}</code>{' '}
            <Button
              size="small"
              onClick={() =>
                open.mutate(undefined, {
                  onSuccess: (r) => void (r.opened ? message.success(S.system.folderOpened) : message.info(S.system.folderNotOpened)),
                })
              }
            >
              {S.system.openFolder}
            </Button>
          </Descriptions.Item>
          <Descriptions.Item label={S.system.schemaVersion}>{i.schemaVersion}</Descriptions.Item>
          <Descriptions.Item label={S.system.shell}>{i.shell === 'desktop' ? S.system.desktop : S.system.browser}</Descriptions.Item>
        </Descriptions>
      )}
      {i && <EncryptionCard encryption={i.encryption} desktop={i.shell === 'desktop'} />}
      {i && <BackupsCard desktop={i.shell === 'desktop'} />}
      {i && <UpdatesCard />}
    </>
  );
}
