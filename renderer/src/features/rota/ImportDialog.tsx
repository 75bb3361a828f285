/**
 * 从 Excel 导入排班: the template, a file's preview with each row's errors, then all or nothing. The
 * flow is every import's (ui/ImportWizard.tsx), in a dialog over the rota: it closes once stored.
 */
import { Alert, Button, Modal, Table, Typography } from 'antd';
import { useState } from 'react';
import { call } from '../../api/client';
import { offerDownload } from '../../ui/download';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ImportWizard, useImportFlow } from '../../ui/ImportWizard';
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
  return (
    <Modal open={open} title={I.title(month)} width={800} footer={null} onCancel={onClose} destroyOnHidden>
      {/* mounted only while open (destroyOnHidden): each opening starts from the file chooser */}
      <RotaImport month={month} published={published} onDone={onDone} />
    </Modal>
  );
}

function RotaImport({ month, published, onDone }: { month: string; published: boolean; onDone: () => void }) {
  const [templateError, setTemplateError] = useState<unknown>(null);
  const flow = useImportFlow(
    'rota.importPreview',
    'rota.importCommit',
    () => setTemplateError(null),
    (file) => ({ month, file }),
  );
  const onCommit = (): void => {
    if (!flow.file) return;
    const reason = published ? { reason: I.reason(flow.file.name) } : {};
    flow.commitWith({ month, file: flow.file, ...reason }, onDone);
  };
  return (
    <ImportWizard
      flow={flow}
      header={
        <>
          <Typography.Paragraph>
            {I.howTo}
            <Button type="link" onClick={() => void call('rota.importTemplate', { month }).then(offerDownload, setTemplateError)}>
              {I.template}
            </Button>
          </Typography.Paragraph>
          <ErrorAlert error={templateError} />
        </>
      }
      words={{ choose: I.drop, chooseHint: I.dropHint, reading: I.reading, another: I.another }}
      accept=".xlsx"
      fileLine={(d) => <Typography.Text strong>{d.fileName}</Typography.Text>}
      commitLabel={I.commit}
      commitDisabled={(flow.data?.errorRows ?? 0) > 0}
      onCommit={onCommit}
      // the dialog closes as the rota reloads (onDone): nothing more to show here
      renderDone={() => null}
    >
      {(d) => (
        <>
          <Alert type={d.errorRows ? 'error' : 'success'} showIcon title={d.errorRows ? I.hasErrors(d.errorRows) : I.ready(d.rows.length, d.cellCount)} />
          <Table
            size="small"
            rowKey="row"
            aria-label={I.preview}
            pagination={false}
            scroll={{ y: 300 }}
            dataSource={d.rows}
            columns={[
              { title: I.col.row, dataIndex: 'row', width: 60 },
              { title: I.col.ref, dataIndex: 'ref', width: 80 },
              { title: I.col.name, dataIndex: 'name', width: 90 },
              { title: I.col.shifts, key: 'n', width: 60, render: (_v, r) => r.cells.filter((c) => c.shift).length },
              { title: I.col.errors, key: 'e', render: (_v, r) => <span style={{ color: '#a8071a' }}>{r.errors.join('；')}</span> },
            ]}
          />
        </>
      )}
    </ImportWizard>
  );
}
