/**
 * `visits.check`: the claim's verdict on a visit while it is being typed. The rule context comes
 * from the database as the claim builds it: the client's stay and assessments, the caregiver's
 * certificates, the caregiver's other visits around that time (overlaps), the pack and catalogue,
 * and the client's month so far against the pack's limits (quota.ts). Reads only; the form calls it
 * debounced. A draft that cannot be saved (end before start, a time after today) gets its problems
 * and nothing else: no length, no verdict, so the form says one thing.
 */
import type { z } from 'zod';
import type { ApiProblem } from '../../../shared/api/errors';
import type { VisitCheckResult, visitDraft } from '../../../shared/api/visits';
import { minimumMinutes } from '../../../shared/claims/visitChecks';
import { isValidDateTime, minutesBetween, monthOf } from '../../../shared/domain/dates';
import { visitNotYet } from '../../../shared/domain/notYet';
import { isMonthLocked } from '../claims/monthLock';
import { serviceToday } from '../db/clock';
import type { LtcDatabase } from '../db/database';
import { judgeTargets, loadPolicy, type JudgeTarget } from './judge';
import { homeQuota } from './quota';
import { readStoredRow, splitItems } from './visitRows';

type Draft = z.output<typeof visitDraft>;

/** How the claim's messages name a visit that has no ref yet. */
export const DRAFT_REF = '（本条记录）';

export function checkVisit(db: LtcDatabase, d: Draft, today = serviceToday()): VisitCheckResult {
  const sql = db.raw;
  const policy = loadPolicy(sql);
  const stored = d.id === undefined ? undefined : readStoredRow(sql, d.id);
  const problems: ApiProblem[] = [];
  const startOk = !!d.start && isValidDateTime(d.start);
  const endOk = !!d.end && isValidDateTime(d.end);
  if (d.start && !startOk) problems.push({ path: 'start', message: '开始时间不是有效的时间，请写成 YYYY-MM-DD HH:mm' });
  if (d.end && !endOk) problems.push({ path: 'end', message: '结束时间不是有效的时间，请写成 YYYY-MM-DD HH:mm' });
  const notYet = startOk ? visitNotYet(d.start!, today) : null;
  if (notYet) problems.push({ path: 'start', message: notYet });
  const backwards = startOk && endOk && d.end! < d.start!;
  if (backwards) problems.push({ path: 'end', message: '结束时间早于开始时间：请核对签到、签退时间，改正后才能保存' });
  if (policy) {
    const kept = stored ? splitItems(stored.items) : [];
    const unknown = d.items.filter((c) => !policy.items.has(c) && !kept.includes(c));
    if (unknown.length > 0) problems.push({ path: 'items', message: `服务项目编码 ${unknown.join('、')} 不在目录中` });
  }
  const residentOk = d.residentId !== undefined && !!sql.prepare('SELECT 1 FROM residents WHERE id = ?').get(d.residentId);
  const staffOk = d.staffId !== undefined && !!sql.prepare('SELECT 1 FROM staff WHERE id = ?').get(d.staffId);

  const minutes = startOk && endOk && !backwards ? minutesBetween(d.start!, d.end!) : null;
  const minimum = policy ? minimumMinutes({ ref: '', resident: '', staff: '', start: '', end: '', items: d.items, confirmed: false }, policy) : null;
  const months = [...(startOk ? [monthOf(d.start!)] : []), ...(stored ? [monthOf(stored.start_at)] : [])];
  const locked = months.some((m) => isMonthLocked(db, m));
  const none = { minutes, minimumMinutes: minimum, problems, verdict: null, quota: null, locked };
  if (!policy || !residentOk || !staffOk || !startOk || !endOk || problems.length > 0) return none;

  const target: JudgeTarget = {
    id: stored?.id ?? null,
    ref: stored?.ref ?? DRAFT_REF,
    residentId: d.residentId!,
    staffId: d.staffId!,
    start: d.start!,
    end: d.end!,
    items: d.items,
    confirmed: d.confirmed,
  };
  const [judged] = judgeTargets(sql, policy, [target]);
  if (!judged) return none;
  const quota = homeQuota(sql, policy, target.residentId, { month: monthOf(target.start), draft: target });
  const verdict = quota?.draftIssue
    ? { valid: false, issues: [...judged.issues, { code: quota.draftIssue.code, severity: quota.draftIssue.severity, message: quota.draftIssue.message }] }
    : judged;
  return { minutes, minimumMinutes: minimum, problems, verdict, quota: quota?.use ?? null, locked };
}
