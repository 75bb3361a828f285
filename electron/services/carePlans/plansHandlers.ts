import type { plansApi } from '../../../shared/api/plans';
import type { HandlersOf } from '../api/handlers';
import { recordAudit } from '../audit/auditLog';
import { InputError } from '../errors';
import { startJob } from '../jobs/jobs';
import { solveOffThread } from '../solver/solverOffThread';
import { monthPlanVsDone } from './compare';
import { dayListFile } from './dayList';
import { deletePlan, listPlans, savePlan, savePlanRules } from './planStore';
import { saveSchedule, scheduleView } from './scheduleStore';
import { buildSchedulingProblem } from './suggest/problem';
import { serviceToday } from '../db/clock';
import { monthEnd, monthStart } from '../../../shared/domain/dates';

export const plansHandlers: HandlersOf<typeof plansApi> = {
  'plans.list': (_i, ctx) => listPlans(ctx.db),
  'plans.save': (input, ctx) => savePlan(ctx.db, input, ctx.actor),
  'plans.delete': (i, ctx) => deletePlan(ctx.db, i.residentId, ctx.actor),
  'plans.saveRules': (input, ctx) => savePlanRules(ctx.db, input, ctx.actor),
  'plans.schedule': (i, ctx) => scheduleView(ctx.db, i.month),
  'plans.suggest': (i, ctx) => {
    const today = serviceToday();
    if (monthEnd(i.month) < today) throw new InputError(`${i.month} 已经过去，不能再派单`);
    // the days from today on (or the whole month, for a month to come)
    const from = today > monthStart(i.month) ? today : monthStart(i.month);
    const problem = buildSchedulingProblem(ctx.db.raw, i.month, from);
    return { jobId: startJob('plan-suggest', (report) => solveOffThread('plan', problem, report)) };
  },
  'plans.saveSchedule': (i, ctx) => saveSchedule(ctx.db, i, ctx.actor),
  'plans.compare': (i, ctx) => monthPlanVsDone(ctx.db.raw, i.month),
  'plans.dayList': async (i, ctx) => {
    const file = await dayListFile(ctx.db, i.date, i.staffId, i.format);
    recordAudit(ctx.db, { actor: ctx.actor, action: 'export', entity: 'visit-schedule', entityId: i.date, after: { file: file.name } });
    return file;
  },
};
