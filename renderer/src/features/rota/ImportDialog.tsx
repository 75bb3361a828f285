/** 从 Excel 导入排班: the template, a file's preview with each row's errors, then all or nothing. */
import { Alert, Button, Flex, Modal, Table, Typography } from 'antd';
import { useState } from 'react';
import type { RotaImportPreview } from '../../../../shared/api/rota';
import { call } from '../../api/client';
import { offerDownload, readUpload } from '../../ui/download';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FileDrop } from '../../ui/FileDrop';
import { S } from './strings';

const I = S.importDialog;

export function ImportDialog({
  open,
  month,
  published,
  onDone,
  onClose,
}: {
  open: boolean;
  month: string;
  published: boolean;
  onDone: () => void;
  onClose: () => void;
}) {
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
      await call('rota.importCommit', { month, file, ...(published ? { reason: I.reason(file.name) } : {}) });
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} title={I.title(month)} width={800} footer={null} onCancel={onClose} destroyOnHidden>
      <Flex vertical gap={12}>
        <Typography.Text>
          {I.howTo}
          <Button type="link" onClick={() => void call('rota.importTemplate', { month }).then(offerDownload, setError)}>
            {I.template}
          </Button>
        </Typography.Text>
        <FileDrop accept=".xlsx" busy={busy} onFile={(f) => void choose(f)} text={I.drop} busyText={I.reading} hint={I.dropHint} />
        <ErrorAlert error={error} />
        {preview && (
          <>
            <Alert
              type={preview.errorRows ? 'error' : 'success'}
              showIcon
              title={preview.errorRows ? I.hasErrors(preview.errorRows) : I.ready(preview.rows.length, preview.cellCount)}
            />
            <Table
              size="small"
              rowKey="row"
              aria-label={I.preview}
              pagination={false}
              scroll={{ y: 300 }}
              dataSource={preview.rows}
              columns={[
                { title: I.col.row, dataIndex: 'row', width: 60 },
                { title: I.col.ref, dataIndex: 'ref', width: 80 },
                { title: I.col.name, dataIndex: 'name', width: 90 },
                { title: I.col.shifts, key: 'n', width: 60, render: (_v, r) => r.cells.filter((c) => c.shift).length },
                { title: I.col.errors, key: 'e', render: (_v, r) => <span style={{ color: '#a8071a' }}>{r.errors.join('；')}</span> },
              ]}
            />
            <Button type="primary" disabled={preview.errorRows > 0 || busy} onClick={() => void commit()}>
              {I.commit}
            </Button>
          </>
        )}
      </Flex>
    </Modal>
  );
}
