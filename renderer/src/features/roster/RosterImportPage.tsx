/**
 * 花名册导入: download the template, upload it filled in, see every row checked (errors by sheet, row
 * and column), leave out the bad rows if need be, then import in one go (ui/ImportWizard.tsx: nothing
 * is stored while an error row is still included).
 */
import { Alert, App, Button, Checkbox, Flex, Radio, Result, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { RosterRow } from '../../../../shared/api/roster';
import { call } from '../../api/client';
import { offerDownload } from '../../ui/download';
import { ImportWizard, useImportFlow } from '../../ui/ImportWizard';
import { PageHeader } from '../../ui/PageHeader';
import { keyOf, RosterPreviewTable } from './RosterPreviewTable';
import { R } from './strings';

type Shown = keyof typeof R.filter;
const hasError = (r: RosterRow): boolean => r.issues.some((i) => i.severity === 'error');
const hasWarning = (r: RosterRow): boolean => r.issues.some((i) => i.severity === 'warning');

export function RosterImportPage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [excludeErrors, setExcludeErrors] = useState(false);
  const [shown, setShown] = useState<Shown>('all');
  const flow = useImportFlow('roster.preview', 'roster.commit', () => {
    setExcludeErrors(false);
    setShown('all');
  });
  const data = flow.data;

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

  const onCommit = (): void => {
    if (!flow.file || !data) return;
    const excludeRows = errorRows.filter((r) => excluded.has(keyOf(r))).map((r) => ({ sheet: r.sheet, row: r.row }));
    flow.commitWith({ file: flow.file, excludeRows });
  };
  const downloadTemplate = (): void =>
    void call('roster.template').then(offerDownload, (e: unknown) => void message.error(e instanceof Error ? e.message : String(e)));

  return (
    <ImportWizard
      flow={flow}
      header={
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
      }
      words={R}
      accept=".xlsx"
      steps={R.steps}
      fileLine={(d) => {
        const residents = d.rows.filter((r) => r.sheet === 'residents').length;
        return (
          <span>
            <Typography.Text strong>{d.fileName}</Typography.Text>
            <Typography.Text type="secondary" style={{ marginInlineStart: 12 }}>
              {R.rows(d.rows.length, residents, d.rows.length - residents)}
            </Typography.Text>
          </span>
        );
      }}
      commitLabel={R.commit(toImport)}
      commitDisabled={(errorRows.length > 0 && !excludeErrors) || toImport === 0}
      onCommit={onCommit}
      renderDone={(done, again) => (
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
            <Button key="again" onClick={again}>
              {R.another}
            </Button>,
          ]}
        />
      )}
    >
      {(d) => (
        <>
          {d.ignoredColumns.length > 0 && <Alert type="info" showIcon title={R.ignored(d.ignoredColumns)} />}
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
          {d.warningRows > 0 && <Alert type="warning" showIcon title={R.warningsNote(d.warningRows)} />}
          <Radio.Group value={shown} onChange={(e) => setShown(e.target.value as Shown)} optionType="button" aria-label={R.filterLabel}>
            {(Object.keys(R.filter) as Shown[]).map((k) => (
              <Radio.Button key={k} value={k}>
                {R.filter[k]}
              </Radio.Button>
            ))}
          </Radio.Group>
          <RosterPreviewTable rows={visible} excluded={excluded} />
        </>
      )}
    </ImportWizard>
  );
}
