/**
 * 导入上门服务记录: choose a file, see every row checked (errors with row and column, the claim's
 * problems as warnings), exclude what cannot be fixed now, then import in one go (ui/ImportWizard.tsx:
 * nothing is stored while an error row is still included).
 */
import { App, Alert, Button, Checkbox, Input, Radio, Result, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { ImportRowStatus } from '../../../../shared/api/visits';
import { call } from '../../api/client';
import { offerDownload } from '../../ui/download';
import { ImportWizard, useImportFlow } from '../../ui/ImportWizard';
import { PageHeader } from '../../ui/PageHeader';
import { ImportPreviewTable } from './ImportPreviewTable';
import { IMPORT } from './strings';

type Shown = 'all' | ImportRowStatus;

export function ImportPage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [excluded, setExcluded] = useState<Set<number>>(new Set());
  const [shown, setShown] = useState<Shown>('all');
  const [reason, setReason] = useState('');
  const [updateChanged, setUpdateChanged] = useState(false);
  const flow = useImportFlow('visits.importPreview', 'visits.importCommit', () => {
    setExcluded(new Set());
    setShown('all');
    setUpdateChanged(false);
  });
  const data = flow.data;

  const rows = useMemo(() => (data ? (shown === 'all' ? data.rows : data.rows.filter((r) => r.status === shown)) : []), [data, shown]);
  const errorsLeft = data ? data.rows.filter((r) => r.status === 'error' && !excluded.has(r.row)).length : 0;
  const toImport = data ? data.rows.filter((r) => (r.status === 'ok' || r.status === 'warning') && !excluded.has(r.row)).length : 0;
  const changedIncluded = data ? data.rows.filter((r) => r.status === 'changed' && !excluded.has(r.row)).length : 0;
  const toUpdate = updateChanged ? changedIncluded : 0;
  // a changed row's month matters only when it is to be updated
  const lockedIncluded = data
    ? [...new Set(data.rows.filter((r) => r.lockedMonth && !excluded.has(r.row) && (r.status !== 'changed' || updateChanged)).map((r) => r.lockedMonth!))]
    : [];

  const onCommit = (): void => {
    if (!flow.file) return;
    flow.commitWith(
      {
        file: flow.file,
        exclude: [...excluded],
        ...(toUpdate > 0 ? { updateChanged: true } : {}),
        ...(reason.trim() ? { correctionReason: reason.trim() } : {}),
      },
      (r) => void message.success(IMPORT.done(r.added)),
    );
  };

  return (
    <ImportWizard
      flow={flow}
      header={
        <PageHeader
          title={IMPORT.title}
          subtitle={IMPORT.subtitle}
          extra={
            <>
              <Button onClick={() => void call('visits.importTemplate').then(offerDownload, (e: unknown) => void message.error(String(e)))}>
                {IMPORT.template}
              </Button>
              <Button onClick={() => void navigate('/visits')}>{IMPORT.back}</Button>
            </>
          }
        />
      }
      words={IMPORT}
      accept=".csv,.xlsx"
      fileLine={(d) => (
        <Space wrap>
          <Typography.Text strong>{d.fileName}</Typography.Text>
          <Typography.Text type="secondary">{IMPORT.summary(d.counts.total)}</Typography.Text>
          {d.encoding && <Typography.Text type="secondary">{IMPORT.encoding(d.encoding)}</Typography.Text>}
          {d.ignoredColumns.length > 0 && <Typography.Text type="secondary">{IMPORT.ignored(d.ignoredColumns)}</Typography.Text>}
        </Space>
      )}
      commitLabel={IMPORT.commit(toImport, toUpdate)}
      commitDisabled={errorsLeft > 0 || toImport + toUpdate === 0 || (lockedIncluded.length > 0 && !reason.trim())}
      onCommit={onCommit}
      renderDone={(done, again) => (
        <Result
          status="success"
          title={IMPORT.done(done.added)}
          subTitle={IMPORT.doneDetail(done.skippedDuplicates, done.excluded, done.updated, done.skippedChanged)}
          extra={[
            <Button key="list" type="primary" onClick={() => void navigate('/visits')}>
              {IMPORT.viewList}
            </Button>,
            <Button key="again" onClick={again}>
              {IMPORT.another}
            </Button>,
          ]}
        />
      )}
    >
      {(d) => (
        <>
          <Radio.Group value={shown} onChange={(e) => setShown(e.target.value as Shown)} optionType="button" aria-label={IMPORT.shownLabel}>
            <Radio.Button value="all">{`${IMPORT.filterAll} ${d.counts.total}`}</Radio.Button>
            {(['ok', 'warning', 'error', 'duplicate', 'changed'] as const).map((s) => (
              <Radio.Button key={s} value={s}>{`${IMPORT.status[s]} ${d.counts[s]}`}</Radio.Button>
            ))}
          </Radio.Group>
          {errorsLeft > 0 && (
            <Alert
              type="error"
              showIcon
              title={IMPORT.errorsLeft(errorsLeft)}
              action={
                <Button
                  size="small"
                  danger
                  onClick={() => setExcluded(new Set([...excluded, ...d.rows.filter((r) => r.status === 'error').map((r) => r.row)]))}
                >
                  {IMPORT.excludeErrors}
                </Button>
              }
            />
          )}
          {d.counts.warning > 0 && <Alert type="warning" showIcon title={IMPORT.warningsNote} />}
          {d.counts.duplicate > 0 && <Alert type="info" showIcon title={IMPORT.duplicatesNote(d.counts.duplicate)} />}
          {d.counts.changed > 0 && (
            <Alert
              type="info"
              showIcon
              title={IMPORT.changedNote(d.counts.changed)}
              description={
                <Checkbox checked={updateChanged} onChange={(e) => setUpdateChanged(e.target.checked)}>
                  {IMPORT.updateChanged(changedIncluded)}
                </Checkbox>
              }
            />
          )}
          {lockedIncluded.length > 0 && (
            <Alert
              type="warning"
              showIcon
              title={IMPORT.lockedNote(lockedIncluded)}
              description={
                <Input
                  aria-label={IMPORT.reasonLabel}
                  placeholder={IMPORT.reasonPlaceholder}
                  maxLength={200}
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                  style={{ maxWidth: 480 }}
                />
              }
            />
          )}
          <ImportPreviewTable
            rows={rows}
            excluded={excluded}
            onExclude={(row, on) => {
              const next = new Set(excluded);
              if (on) next.add(row);
              else next.delete(row);
              setExcluded(next);
            }}
          />
        </>
      )}
    </ImportWizard>
  );
}
