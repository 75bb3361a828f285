/**
 * 月度结算: pick a month, see its totals, lines and issues (each linking to the record that fixes it),
 * recompute after fixes, submit (a job with a progress bar), save and print the package, 补报, and
 * the agency's result with reconciliation.
 */
import { Alert, App, Button, Checkbox, DatePicker, Flex, Modal, Progress, Skeleton, Space, Tabs, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { useJob } from '../../api/useJob';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageHeader } from '../../ui/PageHeader';
import { currentMonth } from '../../ui/dates';
import { FilesPanel } from './FilesPanel';
import { IssuesPanel } from './IssuesPanel';
import { LinesTable } from './LinesTable';
import { PrintSummary } from './PrintSummary';
import { ResultPanel } from './ResultPanel';
import { S } from './strings';
import { TotalsBar } from './TotalsBar';

/** Month-end work is usually for the month just ended. */
const defaultMonth = () => dayjs(`${currentMonth()}-01`).subtract(1, 'month').format('YYYY-MM');

export function ClaimsPage() {
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const month = params.get('month') ?? defaultMonth();
  const view = useApiQuery('claims.month', { month });
  const supp = useApiQuery('claims.supplementary', { month });
  const job = useJob();
  const [confirm, setConfirm] = useState<null | 'submit' | 'supplement'>(null);
  const [acceptErrors, setAcceptErrors] = useState(false);
  const [printing, setPrinting] = useState(false);
  const [jobError, setJobError] = useState<unknown>(null);

  const v = view.data;
  const errors = v?.claim.issues.filter((i) => i.severity === 'error').length ?? 0;
  const running = job.status?.state === 'running';

  const start = async (kind: 'submit' | 'supplement') => {
    setConfirm(null);
    setJobError(null);
    const { jobId } = await call(kind === 'submit' ? 'claims.submit' : 'claims.supplement', { month, acceptErrors });
    const s = await job.track(jobId);
    if (s.state === 'done') void message.success(kind === 'submit' ? `${month} 已申报，申报包已生成` : `${month} 补报已生成`);
    else setJobError(Object.assign(new Error(s.error?.message ?? '失败'), { problems: s.error?.problems ?? [] }));
  };

  const status = v?.regular?.status ?? 'none';
  return (
    <>
      <PageHeader
        title={S.title}
        subtitle={S.subtitle}
        extra={
          <>
            <DatePicker picker="month" allowClear={false} value={dayjs(`${month}-01`)} onChange={(d) => d && setParams({ month: d.format('YYYY-MM') })} aria-label={S.month} />
            <Button onClick={() => void view.refetch()} loading={view.isFetching}>{S.recompute}</Button>
            <Button disabled={!v} onClick={() => setPrinting(true)}>{S.print}</Button>
            {v && !v.locked && <Button type="primary" disabled={running} onClick={() => setConfirm('submit')}>{S.submit}</Button>}
            {v?.locked && <Button disabled={running} onClick={() => setConfirm('supplement')}>{S.supplement}</Button>}
          </>
        }
      />
      <Flex gap={8} align="center" style={{ marginBottom: 12 }}>
        <span>{month}</span>
        <Tag color={status === 'none' ? 'default' : status === 'draft' ? 'blue' : status === 'submitted' ? 'green' : 'purple'} data-testid="claim-status">{S.status[status]}</Tag>
        {v?.regular?.submittedAt && <span>申报于 {v.regular.submittedAt.slice(0, 16).replace('T', ' ')}（{v.regular.submittedBy}）</span>}
      </Flex>
      {running && job.status && (
        <Progress percent={Math.floor((100 * job.status.progress.done) / Math.max(1, job.status.progress.total))} status="active" format={(p) => `${job.status?.progress.phase ?? ''} ${p ?? 0}%`} />
      )}
      <ErrorAlert error={jobError ?? view.error} />
      {v?.locked && <Alert type="info" showIcon title={S.locked} style={{ marginBottom: 12 }} />}
      {view.isLoading || !v ? (
        <Skeleton active />
      ) : (
        <>
          <TotalsBar totals={v.claim.totals} />
          <Tabs
            style={{ marginTop: 12 }}
            items={[
              { key: 'issues', label: `${S.issues}（错误 ${errors}）`, children: <IssuesPanel issues={v.claim.issues} links={v.links} /> },
              { key: 'lines', label: `${S.lines}（${v.claim.lines.length}）`, children: <LinesTable lines={v.claim.lines} /> },
              ...(v.regular && v.locked
                ? [
                    { key: 'files', label: S.files, children: <FilesPanel claimId={v.regular.id} files={v.files} /> },
                    ...(supp.data ?? []).map((s) => ({ key: `s${s.id}`, label: `补报 ${s.seq}`, children: <FilesPanel claimId={s.id} files={s.files} /> })),
                    { key: 'result', label: S.result, children: <ResultPanel month={month} claims={[v.regular, ...(supp.data ?? [])]} /> },
                  ]
                : []),
            ]}
          />
          <PrintSummary claim={v.claim} open={printing} onClose={() => setPrinting(false)} />
        </>
      )}
      <Modal open={confirm !== null} title={confirm === 'submit' ? `申报 ${month}` : `补报 ${month}`} okText="确定" cancelText="取消" onCancel={() => setConfirm(null)} onOk={() => confirm && void start(confirm)}>
        <Space direction="vertical">
          <span>{confirm === 'submit' ? S.submitConfirm(month) : S.supplementConfirm(month)}</span>
          {errors > 0 && <Checkbox checked={acceptErrors} onChange={(e) => setAcceptErrors(e.target.checked)}>{S.acceptErrors}</Checkbox>}
        </Space>
      </Modal>
    </>
  );
}
