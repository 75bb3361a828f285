/** The progress bar of a month-end job (申报, 补报, 校验): the phase it is in and how far it has come. */
import { Progress } from 'antd';
import type { JobStatus } from '../../../../shared/api/jobs';
import { S } from './strings';

export function JobProgress({ status, testId = 'claim-job-progress' }: { status: JobStatus | null; testId?: string }) {
  const p = status?.progress ?? { done: 0, total: 1, phase: S.jobStarting };
  return <Progress data-testid={testId} percent={Math.floor((100 * p.done) / Math.max(1, p.total))} status="active" format={(n) => `${p.phase} ${n ?? 0}%`} />;
}
