/**
 * 花名册导入: download the template, upload it filled in, see every row checked (errors by sheet, row
 * and column), leave out the bad rows if need be, then import in one go. Nothing is stored while an
 * error row is still included; the commit sends the same file and the services check it again.
 */
import { Alert, App, Button, Checkbox, Flex, Radio, Result, Steps, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { RosterRow, RosterSummary } from '../../../../shared/api/roster';
import { call } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { offerDownload, readUpload } from '../../ui/download';
import { FileDrop } from '../../ui/FileDrop';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageHeader } from '../../ui/PageHeader';
import { keyOf, RosterPreviewTable } from './RosterPreviewTable';
import { R } from './strings';

type Shown = keyof typeof R.filter;
const hasError = (r: RosterRow): boolean => r.issues.some((i) => i.severity === 'error');
const hasWarning = (r: RosterRow): boolean => r.issues.some((i) => i.severity === 'warning');

export function RosterImportPage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [excludeErrors, setExcludeErrors] = useState(false);
  const [shown, setShown] = useState<Shown>('all');
  const [done, setDone] = useState<RosterSummary | null>(null);
  const preview = useApiMutation('roster.preview');
  const commit = useApiMutation('roster.commit');
  const data = preview.data;

  const errorRows = useMemo(() => (data ? data.rows.filter(hasError) : []), [data]);
  const excluded = useMemo(() => new Set(excludeErrors ? errorRows.map(keyOf) : []), [excludeErrors, errorRows]);
  const visible = useMemo(() => {
    if (!data) return [];
    if (shown === 'error') return data.rows.filter(hasError);
    if (shown === 'warning') return data.rows.filter(hasWarning);
    if (shown === 'existing') return data.rows.filter((r) => r.match === 'existing');
    return data.rows;
  }, [data, shown]);
  const toImport = data ? data.rows.length - excluded.size : 0;
  const blocked = errorRows.length > 0 && !excludeErrors;

  const choose = async (f: File): Promise<void> => {
    const upload = await readUpload(f);
    setFile(upload);
    setExcludeErrors(false);
    setShown('all');
    setDone(null);
    commit.reset();
    preview.mutate({ file: upload });
  };
  const reset = (): void => {
    setFile(null);
    setDone(null);
    preview.reset();
    commit.reset();
  };
  const onCommit = (): void => {
    if (!file || !data) return;
    const excludeRows = errorRows.filter((r) => excluded.has(keyOf(r))).map((r) => ({ sheet: r.sheet, row: r.row }));
    commit.mutate({ file, excludeRows }, { onSuccess: (s) => setDone(s) });
  };
  const downloadTemplate = (): void => void call('roster.template').then(offerDownload, (e: unknown) => void message.error(e instanceof Error ? e.message : String(e)));

  const header = (
    <PageHeader
      title={R.title}
      subtitle={R.subtitle}
      extra={
        <>
          <Button onClick={downloadTemplate}>{R.template}</Button>
          <Button onClick={() => void navigate('/staff')}>{R.toStaff}</Button>
          <Button onClick={() => void navigate('/residents')}>{R.toResidents}</Button>
        </>
      }
    />
  );

  if (done) {
    return (
      <>
        {header}
        <Result
          status="success"
          title={R.done}
          subTitle={
            <Flex vertical data-testid="roster-summary">
              {R.summary(done).map((line) => (
                <span key={line}>{line}</span>
              ))}
            </Flex>
          }
          extra={[
            <Button key="staff" type="primary" onClick={() => void navigate('/staff')}>
              {R.toStaff}
            </Button>,
            <Button key="residents" onClick={() => void navigate('/residents')}>
              {R.toResidents}
            </Button>,
            <Button key="again" onClick={reset}>
              {R.another}
            </Button>,
          ]}
        />
      </>
    );
  }

  const residents = data?.rows.filter((r) => r.sheet === 'residents').length ?? 0;
  return (
    <>
      {header}
      <Steps size="small" current={data ? 1 : 0} style={{ marginBottom: 16 }} items={R.steps.map((title) => ({ title }))} />
      {!data && (
        <FileDrop accept=".xlsx" busy={preview.isPending} onFile={(f) => void choose(f)} text={R.choose} busyText={R.reading} hint={R.chooseHint} />
      )}
      <ErrorAlert error={preview.error} />
      {preview.error && (
        <Button style={{ marginTop: 8 }} onClick={reset}>
          {R.another}
        </Button>
      )}
      {data && (
        <Flex vertical gap={12}>
          <Flex justify="space-between" align="center" wrap gap={8}>
            <span>
              <Typography.Text strong>{data.fileName}</Typography.Text>
              <Typography.Text type="secondary" style={{ marginInlineStart: 12 }}>
                {R.rows(data.rows.length, residents, data.rows.length - residents)}
              </Typography.Text>
            </span>
            <Button onClick={reset}>{R.another}</Button>
          </Flex>
          {data.ignoredColumns.length > 0 && <Alert type="info" showIcon title={R.ignored(data.ignoredColumns)} />}
          {errorRows.length > 0 && (
            <Alert
              type={excludeErrors ? 'info' : 'error'}
              showIcon
              title={R.errorsLeft(errorRows.length)}
              description={
                <Checkbox checked={excludeErrors} onChange={(e) => setExcludeErrors(e.target.checked)}>
                  {R.excludeErrors(errorRows.length)}
                </Checkbox>
              }
            />
          )}
          {data.warningRows > 0 && <Alert type="warning" showIcon title={R.warningsNote(data.warningRows)} />}
          <Radio.Group value={shown} onChange={(e) => setShown(e.target.value as Shown)} optionType="button" aria-label={R.filterLabel}>
            {(Object.keys(R.filter) as Shown[]).map((k) => (
              <Radio.Button key={k} value={k}>
                {R.filter[k]}
              </Radio.Button>
            ))}
          </Radio.Group>
          <RosterPreviewTable rows={visible} excluded={excluded} />
          <ErrorAlert error={commit.error} />
          <Flex>
            <Button type="primary" disabled={blocked || toImport === 0} loading={commit.isPending} onClick={onCommit}>
              {R.commit(toImport)}
            </Button>
          </Flex>
        </Flex>
      )}
    </>
  );
}
