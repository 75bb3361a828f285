/**
 * 服务计划: the list of home clients with their plans, and a plan's save (judged against the pack:
 * shared/plans/planChecks.ts; refused with every problem, nothing stored) and delete, each audited.
 */
import type { z } from 'zod';
import type { PlanRow, PlansView, planInput, planRulesInput } from '../../../shared/api/plans';
import { certificateValidOn } from '../../../shared/claims/certificates';
import { forLevel } from '../../../shared/policy/pack';
import { planProblems } from '../../../shared/plans/planChecks';
import type { CarePlan, PlanRules } from '../../../shared/plans/types';
import type { Level } from '../../../shared/domain/model';
import { recordAudit } from '../audit/auditLog';
import { localTimestamp, serviceToday } from '../db/clock';
import type { LtcDatabase } from '../db/database';
import { InputError, ServiceError } from '../errors';
import type { Policy } from '../visits/judge';
import { caregivers, homeClients, hourlyFee, PLAN_RULES_KEY, readPlanRules, readPlans, requirePolicy, type HomeClient } from './planFacts';

function limitText(policy: Policy, level: Level | null): string | null {
  const home = policy.pack.home;
  if (!home || level === null || !policy.pack.eligibleLevels.includes(level)) return null;
  if (home.model === 'hourly-quota') return `每月 ${forLevel(home.quotaHours, level) ?? 0} 小时`;
  if (home.model === 'per-visit') return `每周最多 ${forLevel(home.visitsPerWeek, level) ?? 0} 次，每天 ${home.visitsPerDay} 次`;
  return `每月封顶 ${(home.capFen / 100).toFixed(2)} 元`;
}

function row(c: HomeClient, policy: Policy, plan: CarePlan | null, today: string, judge?: (plan: CarePlan, level: Level | null) => string[]): PlanRow {
  const level = c.levelOn(today);
  return {
    residentId: c.id,
    ref: c.ref,
    name: c.name,
    address: c.address,
    level,
    limit: limitText(policy, level),
    plan,
    problems: plan && judge ? judge(plan, level) : [],
  };
}

export function listPlans(db: LtcDatabase): PlansView {
  const policy = requirePolicy(db.raw);
  const today = serviceToday();
  const plans = readPlans(db.raw);
  const clients = homeClients(db.raw, policy).filter((c) => c.inServiceOn(today) || plans.has(c.id));
  const staff = new Map(caregivers(db.raw).map((s) => [s.id, s]));
  const fee = hourlyFee(db.raw);
  // a stored plan judged again today, by the rules of its save
  const judge = (plan: CarePlan, level: Level | null) =>
    planProblems(plan, {
      pack: policy.pack,
      catalogue: policy.catalogue,
      level,
      hourlyFeeFen: fee,
      preferred: plan.preferredStaffId === null ? undefined : staff.get(plan.preferredStaffId),
      today,
    }).map((p) => p.message);
  return {
    today,
    rows: clients.map((c) => row(c, policy, plans.get(c.id) ?? null, today, judge)),
    items: policy.catalogue.items.map((i) => ({ code: i.code, name: i.name, medical: i.class === 'medical' })),
    caregivers: caregivers(db.raw)
      .filter((s) => (!s.employedFrom || s.employedFrom <= today) && (!s.employedTo || s.employedTo >= today))
      .map((s) => ({ id: s.id, name: s.name, nurse: s.certificates.some((c) => c.type === 'nurse-licence' && certificateValidOn(c, today)) })),
    rules: readPlanRules(db.raw),
  };
}

export function savePlan(db: LtcDatabase, input: z.output<typeof planInput>, actor: string): PlanRow {
  const policy = requirePolicy(db.raw);
  const today = serviceToday();
  const client = homeClients(db.raw, policy).find((c) => c.id === input.residentId);
  if (!client) throw new ServiceError('NOT_FOUND', '找不到该居家服务对象（须有居家护理的入住记录）');
  const plan: CarePlan = { ...input, days: [...new Set(input.days)].sort(), excludedStaffIds: [...new Set(input.excludedStaffIds)] };
  if (plan.preferredStaffId !== null && plan.excludedStaffIds.includes(plan.preferredStaffId)) {
    throw new InputError('输入有误：指定护理员同时在“不派”名单中', [{ path: 'excludedStaffIds', message: '指定护理员同时在“不派”名单中' }]);
  }
  const preferred = plan.preferredStaffId === null ? undefined : caregivers(db.raw).find((s) => s.id === plan.preferredStaffId);
  if (plan.preferredStaffId !== null && !preferred) throw new ServiceError('NOT_FOUND', '找不到指定的护理员，可能已被删除，请刷新');
  const problems = planProblems(plan, {
    pack: policy.pack,
    catalogue: policy.catalogue,
    level: client.levelOn(today),
    hourlyFeeFen: hourlyFee(db.raw),
    preferred,
    today,
  });
  if (problems.length)
    throw new InputError(
      `服务计划未保存：${problems.map((p) => p.message).join('；')}`,
      problems.map((p) => ({ path: p.field, message: p.message })),
    );
  return db.transaction(() => {
    const before = readPlans(db.raw).get(plan.residentId) ?? null;
    db.raw.prepare('DELETE FROM care_plans WHERE resident_id = ?').run(plan.residentId);
    const id = Number(
      db.raw
        .prepare(
          'INSERT INTO care_plans (resident_id, visits_per_week, minutes, days, window_start, window_end, preferred_staff_id, note, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(
          plan.residentId,
          plan.visitsPerWeek,
          plan.minutes,
          plan.days.join(','),
          plan.windowStart,
          plan.windowEnd,
          plan.preferredStaffId,
          plan.note ?? null,
          localTimestamp(),
        ).lastInsertRowid,
    );
    const item = db.raw.prepare('INSERT INTO care_plan_items (plan_id, position, code) VALUES (?, ?, ?)');
    plan.items.forEach((code, i) => item.run(id, i, code));
    const ex = db.raw.prepare('INSERT INTO care_plan_excluded (plan_id, staff_id) VALUES (?, ?)');
    for (const s of plan.excludedStaffIds) ex.run(id, s);
    recordAudit(db, { actor, action: before ? 'update' : 'create', entity: 'care-plan', entityId: client.ref, before, after: plan });
    return row(client, policy, plan, today);
  });
}

export function deletePlan(db: LtcDatabase, residentId: number, actor: string): { residentId: number } {
  return db.transaction(() => {
    const before = readPlans(db.raw).get(residentId);
    if (!before) throw new ServiceError('NOT_FOUND', '该对象没有服务计划');
    db.raw.prepare('DELETE FROM care_plans WHERE resident_id = ?').run(residentId);
    recordAudit(db, { actor, action: 'delete', entity: 'care-plan', entityId: residentId, before });
    return { residentId };
  });
}

export function savePlanRules(db: LtcDatabase, rules: z.output<typeof planRulesInput>, actor: string): PlanRules {
  return db.transaction(() => {
    const before = readPlanRules(db.raw);
    db.raw
      .prepare(
        'INSERT INTO app_settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
      )
      .run(PLAN_RULES_KEY, JSON.stringify(rules), localTimestamp());
    recordAudit(db, { actor, action: 'update', entity: 'plan-rules', before, after: rules });
    return readPlanRules(db.raw);
  });
}
