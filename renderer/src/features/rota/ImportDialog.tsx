/** 从 Excel 导入排班: the template, a file's preview with each row's errors, then all or nothing. */
import { Alert, Button, Flex, Modal, Table, Typography } from 'antd';
import { useState } from 'react';
import type { RotaImportPreview } from '../../../../shared/api/rota';
import { call } from '../../api/client';
import { offerDownload, readUpload } from '../../ui/download';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FileDrop } from '../../ui/FileDrop';

export function ImportDialog({ open, month, published, onDone, onClose }: { open: boolean; month: string; published: boolean; onDone: () => void; onClose: () => void }) {
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [preview, setPreview] = useState<RotaImportPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const choose = async (f: File) => {
    setBusy(true);
    setError(null);
    try {
      const upload = await readUpload(f);
      setFile(upload);
      setPreview(await call('rota.importPreview', { month, file: upload }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const commit = async () => {
    if (!file) return;
    setBusy(true);
    try {
      await call('rota.importCommit', { month, file, ...(published ? { reason: `从 Excel 导入（${file.name}）` } : {}) });
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} title={`从 Excel 导入排班（${month}）`} width={800} footer={null} onCancel={onClose} destroyOnHidden>
      <Flex vertical gap={12}>
        <Typography.Text>
          按模板填写：每行一位员工（编号、姓名），每列一天，格内写班次名称或快捷键。
          <Button type="link" onClick={() => void call('rota.importTemplate', { month }).then(offerDownload, setError)}>
            下载排班导入模板
          </Button>
        </Typography.Text>
        <FileDrop accept=".xlsx" busy={busy} onFile={(f) => void choose(f)} text="点击或拖入排班 Excel 文件" busyText="正在读取…" hint="先预览，确认后整份导入；有错误的行须在 Excel 中改正" />
        <ErrorAlert error={error} />
        {preview && (
          <>
            <Alert
              type={preview.errorRows ? 'error' : 'success'}
              showIcon
              title={preview.errorRows ? `${preview.errorRows} 行有错误，改正后才能导入` : `共 ${preview.rows.length} 行、${preview.cellCount} 格，可以导入`}
            />
            <Table
              size="small"
              rowKey="row"
              aria-label="排班导入预览"
              pagination={false}
              scroll={{ y: 300 }}
              dataSource={preview.rows}
              columns={[
                { title: '行号', dataIndex: 'row', width: 60 },
                { title: '编号', dataIndex: 'ref', width: 80 },
                { title: '姓名', dataIndex: 'name', width: 90 },
                { title: '班数', key: 'n', width: 60, render: (_v, r) => r.cells.filter((c) => c.shift).length },
                { title: '错误', key: 'e', render: (_v, r) => <span style={{ color: '#a8071a' }}>{r.errors.join('；')}</span> },
              ]}
            />
            <Button type="primary" disabled={preview.errorRows > 0 || busy} onClick={() => void commit()}>
              确认导入
            </Button>
          </>
        )}
      </Flex>
    </Modal>
  );
}
