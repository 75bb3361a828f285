/** 申报文件: the frozen package of a submitted claim: download, save to a folder (verified), verify. */
import { App, Button, Space, Table, Typography } from 'antd';
import type { PackageFileInfo } from '../../../../shared/api/claims';
import { call } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { offerDownload } from '../../ui/download';

export function FilesPanel({ claimId, files }: { claimId: number; files: PackageFileInfo[] }) {
  const { message, modal } = App.useApp();
  const save = useApiMutation('claims.saveToFolder');
  const verify = useApiMutation('claims.verify');
  const download = async (name: string) => offerDownload(await call('claims.file', { claimId, name }));
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Button
          type="primary"
          onClick={() =>
            save.mutate(
              { claimId },
              {
                onSuccess: (r) => {
                  if ('cancelled' in r) return;
                  modal.success({ title: '申报包已保存并校验', content: `${r.files.length} 个文件已写入 ${r.folder}，逐个读回核对 SHA-256 无误。` });
                },
              },
            )
          }
          loading={save.isPending}
        >
          保存申报包到文件夹（U盘）
        </Button>
        <Button onClick={() => void Promise.all(files.map((f) => download(f.name)))}>全部下载</Button>
        <Button
          loading={verify.isPending}
          onClick={() =>
            verify.mutate({ claimId }, { onSuccess: (r) => void (r.identical ? message.success('重新生成的文件与申报时逐字节一致') : message.error(`以下文件与申报时不一致：${r.differing.join('、')}`)) })
          }
        >
          校验申报文件
        </Button>
      </Space>
      <ErrorAlert error={save.error ?? verify.error} />
      <Table<PackageFileInfo>
        size="small"
        rowKey="name"
        pagination={false}
        dataSource={files}
        columns={[
          { title: '文件', dataIndex: 'name' },
          { title: '大小', dataIndex: 'bytes', align: 'right', render: (b: number) => `${(b / 1024).toFixed(1)} KB` },
          { title: 'SHA-256', dataIndex: 'sha256', render: (h: string) => <Typography.Text code copyable={{ text: h }}>{h.slice(0, 16)}…</Typography.Text> },
          { title: '', key: 'dl', render: (_v, f) => <Button size="small" onClick={() => void download(f.name)}>{f.name.endsWith('.pdf') ? '打开/打印' : '下载'}</Button> },
        ]}
      />
    </>
  );
}
