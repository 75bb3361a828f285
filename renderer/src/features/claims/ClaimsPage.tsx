/**
 * 月度结算: pick a month, see its totals, lines and issues (each linking to the record that fixes it),
 * recompute after fixes, submit (a job with a progress bar) once the month has ended, save and print
 * the package, 补报, 撤回 a claim submitted by mistake, and the agency's result with reconciliation.
 */
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Flex, Result, Skeleton, Spin, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { ClaimSummary } from '../../../../shared/api/claims';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { useJob } from '../../api/useJob';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageHeader } from '../../ui/PageHeader';
import { currentMonth } from '../../ui/dates';
import { FilesPanel } from './FilesPanel';
import { IssuesPanel } from './IssuesPanel';
import { JobProgress } from './JobProgress';
import { LinesTable } from './LinesTable';
import { PrintSummary } from './PrintSummary';
import { ResultPanel } from './ResultPanel';
import { SupplementPanel, WithdrawnPanel } from './StoredClaimPanels';
import { S } from './strings';
import { SubmitDialog } from './SubmitDialog';
import { TotalsBar } from './TotalsBar';
import { useSlow } from './useSlow';
import { WithdrawDialog } from './WithdrawDialog';

/** Month-end work is usually for the month just ended. */
const defaultMonth = () => dayjs(`${currentMonth()}-01`).subtract(1, 'month').format('YYYY-MM');
const STATUS_COLOR: Record<string, string> = { none: 'default', draft: 'blue', submitted: 'green', settled: 'purple' };

function NoInstitution() {
  return (
    <>
      <PageHeader title={S.title} subtitle={S.subtitle} />
      <Result
        status="info"
        title={S.noInstitution.title}
        subTitle={S.noInstitution.detail}
        extra={
          // a link (the app's routes are hash routes), shown as the page's one button
          <Button type="primary" href="#/settings/institution">
            {S.noInstitution.go}
          </Button>
        }
      />
    </>
  );
}

export function ClaimsPage() {
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const month = params.get('month') ?? defaultMonth();
  const institution = useApiQuery('institution.get', undefined);
  const ready = !!institution.data;
  const view = useApiQuery('claims.month', { month }, { enabled: ready });
  const supp = useApiQuery('claims.supplementary', { month }, { enabled: ready });
  const job = useJob();
  const [confirm, setConfirm] = useState<null | 'submit' | 'supplement'>(null);
  const [withdrawing, setWithdrawing] = useState<ClaimSummary | null>(null);
  const [printing, setPrinting] = useState(false);

  const client = useQueryClient();
  // the month and the pages of its lines and issues, as the records stand now
  const recompute = (): void => {
    void view.refetch();
    void client.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'claims.monthLines' || q.queryKey[0] === 'claims.monthIssues' });
  };
  const busy = job.running;
  const computing = useSlow(view.isFetching && !busy);
  const v = view.data;
  const errors = v?.counts.issues.error ?? 0;

  const start = async (kind: 'submit' | 'supplement', acceptErrors: boolean, by: string | undefined) => {
    setConfirm(null);
    const done = await job.run(() => call(kind === 'submit' ? 'claims.submit' : 'claims.supplement', { month, acceptErrors, by }));
    if (done) void message.success(kind === 'submit' ? S.submitted(month) : S.supplemented(month));
  };

  if (institution.isLoading) return <Skeleton active />;
  // Before the institution is set up there is nothing to compute: say what to do, not an error.
  if (institution.data === null) return <NoInstitution />;

  const status = v?.regular?.status ?? 'none';
  const regular = v?.locked ? v.regular : null;
  const withdrawn = v?.withdrawn ?? [];
  return (
    <>
      <PageHeader
        title={S.title}
        subtitle={S.subtitle}
        extra={
          <>
            <DatePicker
              picker="month"
              allowClear={false}
              value={dayjs(`${month}-01`)}
              onChange={(d) => d && setParams({ month: d.format('YYYY-MM') })}
              aria-label={S.month}
            />
            <Button onClick={recompute} loading={view.isFetching} disabled={busy}>
              {S.recompute}
            </Button>
            <Button disabled={!v} onClick={() => setPrinting(true)}>
              {S.print}
            </Button>
            {v && !v.locked && (
              <Button type="primary" disabled={busy || view.isFetching || v.submitBlocked !== null} onClick={() => setConfirm('submit')}>
                {S.submit}
              </Button>
            )}
            {v?.locked && (
              <Button disabled={busy} onClick={() => setConfirm('supplement')}>
                {S.supplement}
              </Button>
            )}
          </>
        }
      />
      <Flex gap={8} align="center" wrap style={{ marginBottom: 12 }}>
        <span>{month}</span>
        <Tag color={STATUS_COLOR[status]} data-testid="claim-status">
          {S.status[status]}
        </Tag>
        {v?.regular?.submittedAt && <span>{S.submittedAt(v.regular.submittedAt.slice(0, 16).replace('T', ' '), v.regular.submittedBy)}</span>}
        {regular?.status === 'submitted' && (
          <Button size="small" danger disabled={busy || v?.withdrawBlocked !== null} onClick={() => setWithdrawing(regular)}>
            {S.withdraw.button}
          </Button>
        )}
        {regular?.status === 'submitted' && v?.withdrawBlocked && (
          <Typography.Text type="secondary" data-testid="withdraw-blocked">
            {v.withdrawBlocked}
          </Typography.Text>
        )}
      </Flex>
      {busy && <JobProgress status={job.status} />}
      {computing && (
        <Alert data-testid="claim-computing" type="info" showIcon icon={<Spin size="small" />} title={S.computing(month)} style={{ marginBottom: 12 }} />
      )}
      <ErrorAlert error={job.error ?? view.error ?? institution.error} />
      {v?.submitBlocked && (
        <Alert data-testid="submit-blocked" type="warning" showIcon title={v.submitBlocked} description={S.projected} style={{ marginBottom: 12 }} />
      )}
      {v?.locked && <Alert type="info" showIcon title={S.locked} style={{ marginBottom: 12 }} />}
      {!v ? (
        // A failed computation says why above; the skeleton stands only while it is being computed.
        view.isError || institution.isError ? null : (
          <Skeleton active />
        )
      ) : (
        <>
          <TotalsBar totals={v.claim.totals} />
          <Tabs
            style={{ marginTop: 12 }}
            items={[
              { key: 'issues', label: S.issuesTab(errors), children: <IssuesPanel month={month} counts={v.counts} /> },
              { key: 'lines', label: `${S.lines}（${v.counts.lines}）`, children: <LinesTable month={month} count={v.counts.lines} /> },
              ...(v.regular && v.locked
                ? [
                    { key: 'files', label: S.files, children: <FilesPanel claimId={v.regular.id} files={v.files} verification={v.verification} /> },
                    ...(supp.data ?? []).map((s) => ({
                      key: `s${s.id}`,
                      label: S.suppName(s.seq),
                      children: <SupplementPanel s={s} busy={busy} onWithdraw={setWithdrawing} />,
                    })),
                    { key: 'result', label: S.result, children: <ResultPanel month={month} claims={[v.regular, ...(supp.data ?? [])]} /> },
                  ]
                : []),
              ...(withdrawn.length > 0
                ? [{ key: 'withdrawn', label: `${S.withdraw.history}（${withdrawn.length}）`, children: <WithdrawnPanel claims={withdrawn} /> }]
                : []),
            ]}
          />
          <PrintSummary claim={v.claim} counts={v.counts} open={printing} onClose={() => setPrinting(false)} />
        </>
      )}
      <SubmitDialog
        kind={confirm}
        month={month}
        errors={errors}
        onCancel={() => setConfirm(null)}
        onOk={(accept, by) => confirm && void start(confirm, accept, by)}
      />
      <WithdrawDialog claim={withdrawing} onClose={() => setWithdrawing(null)} />
    </>
  );
}
