/**
 * 检查准备 from the database: the facts of a month for the readiness checks (shared/inspection/
 * readiness.ts), the score, and the same for each of the 12 months up to it (the score's history, the
 * fund's income and deductions, the claim issues) for the charts. Runs in the inspection worker.
 */
import type { Board, CheckItem, MonthPoint } from '../../../shared/api/inspection';
import type { JobStatus } from '../../../shared/api/jobs';
import { addMonthsToMonth, monthEnd, monthStart } from '../../../shared/domain/dates';
import { readinessChecks, readinessScore, type ReadinessFacts } from '../../../shared/inspection/readiness';
import type { InspectionSettings } from '../../../shared/inspection/settings';
import type { LtcDatabase } from '../db/database';
import { readMarks } from './inspectionStore';
import { monthRota } from './rotaFacts';
import { monthClaims, readAuditVisits, readPeople, requirePack, type MonthClaims, type People } from './periodRecords';
import { recordLinks, selfAuditOf } from './selfAuditService';

type Progress = (p: JobStatus['progress']) => void;

interface ResultRow {
  month: string;
  id_number: string;
  mode: string;
  result: 'deducted' | 'rejected';
  deducted_fen: number;
  reason: string | null;
}

/** The first month with any stay event or visit, or null for a database without records. */
function firstRecordMonth(db: LtcDatabase): string | null {
  const first = db.raw
    .prepare('SELECT min(d) FROM (SELECT min(date) AS d FROM stay_events UNION ALL SELECT min(substr(start_at, 1, 10)) FROM visits)')
    .pluck()
    .get() as string | null;
  return first ? first.slice(0, 7) : null;
}

/** The 12 months up to `month`, from the first month with records. */
export function boardMonths(db: LtcDatabase, month: string): string[] {
  const first = firstRecordMonth(db);
  const out: string[] = [];
  for (let i = 11; i >= 0; i--) {
    const m = addMonthsToMonth(month, -i);
    if (first !== null && m >= first) out.push(m);
  }
  return out.length > 0 ? out : [month];
}

function deductionRows(db: LtcDatabase, months: readonly string[]): ResultRow[] {
  return db.raw
    .prepare(
      `SELECT c.month, r.id_number, r.mode, r.result, r.deducted_fen, r.reason FROM claim_results r JOIN claims c ON c.id = r.claim_id
       WHERE c.status IN ('submitted', 'settled') AND r.result <> 'accepted' AND c.month >= ? AND c.month <= ? ORDER BY c.month, r.id`,
    )
    .all(months[0], months.at(-1)) as ResultRow[];
}

function monthMoney(db: LtcDatabase, month: string): Pick<MonthPoint, 'claimedFundFen' | 'paidFundFen' | 'deductedFen'> {
  const claimed = db.raw
    .prepare("SELECT coalesce(sum(json_extract(claim_json, '$.totals.fundFen')), 0) FROM claims WHERE month = ? AND status IN ('submitted', 'settled')")
    .pluck()
    .get(month) as number;
  const r = db.raw
    .prepare(
      "SELECT coalesce(sum(r.paid_fund_fen), 0) AS paid, coalesce(sum(r.deducted_fen), 0) AS deducted FROM claim_results r JOIN claims c ON c.id = r.claim_id WHERE c.month = ? AND c.status IN ('submitted', 'settled')",
    )
    .get(month) as { paid: number; deducted: number };
  return { claimedFundFen: claimed, paidFundFen: r.paid, deductedFen: r.deducted };
}

interface MonthBoard {
  score: number;
  checks: Board['checks'];
  claims: MonthClaims;
}

function monthBoard(db: LtcDatabase, month: string, today: string, settings: InspectionSettings, people: People, window: readonly string[]): MonthBoard {
  const claims = monthClaims(db, month);
  const period = { from: monthStart(month), to: monthEnd(month) };
  const audit = selfAuditOf(db, period, settings, [claims]);
  const marks = readMarks(db);
  const newHits: CheckItem[] = audit.rules.flatMap((r) =>
    r.hits.filter((h) => !marks.has(h.key)).map((h) => ({ text: h.reason, resident: h.resident, staff: h.staff, visit: h.visits[0], date: h.date })),
  );
  const noItems = new Set(
    db.raw
      .prepare('SELECT v.ref FROM visits v WHERE v.start_at >= ? AND v.start_at < ? AND NOT EXISTS (SELECT 1 FROM visit_items i WHERE i.visit_id = v.id)')
      .pluck()
      .all(period.from, `${period.to}T99`) as string[],
  );
  const byId = new Map(people.residents.map((r) => [r.idNumber, r]));
  // Months before the first claim this program holds were filed elsewhere: not judged here.
  const firstClaim = db.raw.prepare('SELECT min(month) FROM claims').pluck().get() as string | null;
  const submissions = window
    .filter((m) => firstClaim !== null && m >= firstClaim)
    .map((m) => ({
      month: m,
      submittedAt:
        (db.raw.prepare("SELECT submitted_at FROM claims WHERE month = ? AND kind = 'regular' AND status IN ('submitted', 'settled')").pluck().get(m) as
          string | undefined) ?? null,
    }));
  const checks = readinessChecks({
    month,
    today,
    now: claims.now,
    sent: claims.sent,
    supplements: claims.supplements,
    visits: readAuditVisits(db, period.from, period.to),
    noItems,
    staff: people.staff,
    submissions,
    onTimeDay: settings.onTimeDay,
    deductions: deductionRows(db, window).map((r) => {
      const person = byId.get(r.id_number);
      return {
        month: r.month,
        name: person?.name ?? '（已删除的服务对象）',
        ...(person ? { resident: person.ref } : {}),
        result: r.result,
        deductedFen: r.deducted_fen,
        reason: r.reason?.trim() || '（未注明原因）',
      };
    }),
    newHits,
    rota: rotaFacts(db, month),
    weights: settings.weights,
  });
  return { score: readinessScore(checks), checks, claims };
}

/** The month's rota judged by the rota's own checks: its work shifts, and those staffed by someone not employed or not certified that day. */
function rotaFacts(db: LtcDatabase, month: string): ReadinessFacts['rota'] {
  const r = monthRota(db, month);
  if (r.work.length === 0) return null;
  const unfit = r.unfit.map((i): CheckItem => {
    const ref = i.staffId === null ? undefined : r.refs.get(i.staffId);
    return { text: i.message, ...(ref ? { staff: ref } : {}), date: i.date };
  });
  return { shifts: r.work.length, unfit };
}

export function readinessBoard(db: LtcDatabase, month: string, today: string, settings: InspectionSettings, onProgress: Progress = () => undefined): Board {
  requirePack(db);
  const months = boardMonths(db, month);
  const people = readPeople(db);
  const history: MonthPoint[] = [];
  let current: MonthBoard | null = null;
  months.forEach((m, i) => {
    onProgress({ done: i, total: months.length, phase: `计算 ${m}` });
    // Each month judged against its own 12 months (its deadline history, its deductions).
    const b = db.transaction(() => monthBoard(db, m, today, settings, people, boardMonths(db, m)));
    if (m === month) current = b;
    const issues = b.claims.now.issues;
    history.push({
      month: m,
      score: b.score,
      ...monthMoney(db, m),
      errors: issues.filter((x) => x.severity === 'error').length,
      warnings: issues.filter((x) => x.severity === 'warning').length,
    });
  });
  const board = current as MonthBoard | null;
  const final = board ?? db.transaction(() => monthBoard(db, month, today, settings, people, months));
  const reasons = new Map<string, { reason: string; count: number; deductedFen: number }>();
  for (const r of deductionRows(db, months)) {
    const reason = r.reason?.trim() || '（未注明原因）';
    const e = reasons.get(reason) ?? { reason, count: 0, deductedFen: 0 };
    e.count++;
    e.deductedFen += r.deducted_fen;
    reasons.set(reason, e);
  }
  onProgress({ done: months.length, total: months.length, phase: '完成' });
  return {
    month,
    today,
    score: final.score,
    checks: final.checks,
    history,
    deductionReasons: [...reasons.values()].sort((a, b) => b.count - a.count || b.deductedFen - a.deductedFen),
    links: recordLinks(db),
  };
}
