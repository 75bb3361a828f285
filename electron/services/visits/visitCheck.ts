/**
 * `visits.check`: the claim's verdict on a visit while it is being typed. The rule context comes
 * from the database as the claim builds it: the client's stay and assessments, the caregiver's
 * certificates, the caregiver's other visits around that time (overlaps), the pack and catalogue.
 * Reads only; the form calls it debounced.
 */
import type { z } from 'zod';
import type { ApiProblem } from '../../../shared/api/errors';
import type { VisitCheckResult, visitDraft } from '../../../shared/api/visits';
import { minimumMinutes } from '../../../shared/claims/visitChecks';
import { isValidDateTime, minutesBetween, monthOf } from '../../../shared/domain/dates';
import { isMonthLocked } from '../claims/monthLock';
import type { LtcDatabase } from '../db/database';
import { judgeTargets, loadPolicy } from './judge';
import { readStoredRow, splitItems } from './visitRows';

type Draft = z.output<typeof visitDraft>;

/** How the claim's messages name a visit that has no ref yet. */
export const DRAFT_REF = '（本条记录）';

export function checkVisit(db: LtcDatabase, d: Draft): VisitCheckResult {
  const sql = db.raw;
  const policy = loadPolicy(sql);
  const stored = d.id === undefined ? undefined : readStoredRow(sql, d.id);
  const problems: ApiProblem[] = [];
  const startOk = !!d.start && isValidDateTime(d.start);
  const endOk = !!d.end && isValidDateTime(d.end);
  if (d.start && !startOk) problems.push({ path: 'start', message: '开始时间不是有效的时间，请写成 YYYY-MM-DD HH:mm' });
  if (d.end && !endOk) problems.push({ path: 'end', message: '结束时间不是有效的时间，请写成 YYYY-MM-DD HH:mm' });
  if (startOk && endOk && d.end! < d.start!) problems.push({ path: 'end', message: '结束时间早于开始时间，不能保存，请核对签到、签退时间' });
  if (policy) {
    const kept = stored ? splitItems(stored.items) : [];
    const unknown = d.items.filter((c) => !policy.items.has(c) && !kept.includes(c));
    if (unknown.length > 0) problems.push({ path: 'items', message: `服务项目编码 ${unknown.join('、')} 不在目录中` });
  }
  const residentOk = d.residentId !== undefined && !!sql.prepare('SELECT 1 FROM residents WHERE id = ?').get(d.residentId);
  const staffOk = d.staffId !== undefined && !!sql.prepare('SELECT 1 FROM staff WHERE id = ?').get(d.staffId);

  const minutes = startOk && endOk ? minutesBetween(d.start!, d.end!) : null;
  const minimum = policy ? minimumMinutes({ ref: '', resident: '', staff: '', start: '', end: '', items: d.items, confirmed: false }, policy) : null;
  const months = [...(startOk ? [monthOf(d.start!)] : []), ...(stored ? [monthOf(stored.start_at)] : [])];
  const locked = months.some((m) => isMonthLocked(db, m));
  if (!policy || !residentOk || !staffOk || !startOk || !endOk) return { minutes, minimumMinutes: minimum, problems, verdict: null, locked };

  const [verdict] = judgeTargets(sql, policy, [
    { id: stored?.id ?? null, ref: stored?.ref ?? DRAFT_REF, residentId: d.residentId!, staffId: d.staffId!, start: d.start!, end: d.end!, items: d.items, confirmed: d.confirmed },
  ]);
  return { minutes, minimumMinutes: minimum, problems, verdict: verdict ?? null, locked };
}
