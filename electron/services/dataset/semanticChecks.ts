/**
 * Step 2 of dataset validation: what the schema cannot say. Only things that make the file
 * impossible to store faithfully are refused here; what the monthly claim judges (ID checksums,
 * short, overlapping or unconfirmed visits, missing certificates, ineligible levels) is kept, so the
 * claim can show it with its own issue code (docs/rules.md §8: nothing is dropped on import).
 * What has not happened yet is refused, as in the screens (shared/domain/notYet.ts): a visit, a stay
 * event or an assessment conclusion dated after `today`, and an ID number born after it; each such
 * message names the record (ref and name), so the file can be fixed without counting array indices.
 */
import { isValidDate, isValidDateTime } from '../../../shared/domain/dates';
import { idBornAfter, idNumberProblem } from '../../../shared/domain/ids';
import type { Dataset, LocalDate, Visit } from '../../../shared/domain/model';
import { assessmentNotYet, stayEventNotYet, visitNotYet } from '../../../shared/domain/notYet';
import { findCatalogue, findPolicyPack, listPolicyPacks } from '../../../shared/policy/registry';
import { invisibleCharacterProblem } from '../../../shared/fields/visibleText';
import type { DatasetProblem } from './problems';
import { stayTimelineProblems } from '../../../shared/domain/stayRules';

export function semanticProblems(d: Dataset, today: LocalDate): DatasetProblem[] {
  const checks = semanticChecks(d, today);
  d.visits.forEach((v, i) => checks.visit(v, i));
  return checks.problems();
}

/** What the semantic checks of a file's visits need from the rest of it (built once, then one call per visit). */
export interface SemanticChecks {
  visit(v: Visit, index: number): void;
  /** every problem, in the order of semanticProblems: the people's, the visits' refs, the visits', the rest's */
  problems(): DatasetProblem[];
  /** how many problems the institution, the people and the visits checked so far have */
  found(): number;
}

/**
 * The checks of everything but the visits at once, and of the visits one at a time (a streamed file's
 * visits are never all in memory: datasetFile.ts); `d.visits` is not read. The institution and the people
 * are read now; the rota and the plans when `problems()` is called.
 */
export function semanticChecks(d: Dataset, today: LocalDate): SemanticChecks {
  const out: DatasetProblem[] = [];
  let sink = out;
  const add = (path: string, message: string): void => {
    sink.push({ path, message });
  };
  const date = (path: string, value: string | undefined): boolean => {
    if (value === undefined) return false;
    if (isValidDate(value)) return true;
    add(path, `“${value}”不是真实存在的日期，请改为正确的日期（YYYY-MM-DD）`);
    return false;
  };

  // Institution and its policy pack (the pack names the item catalogue).
  let codes: Set<string> | undefined;
  let catalogueTitle = '';
  const pack = findPolicyPack(d.institution.policy);
  if (!pack) {
    const known = listPolicyPacks()
      .map((p) => p.id)
      .join('、');
    add('institution.policy', `未知的政策包“${d.institution.policy}”，请改为以下之一：${known}`);
  } else {
    const catalogue = findCatalogue(pack.catalogue);
    if (catalogue) {
      codes = new Set(catalogue.items.map((i) => i.code));
      catalogueTitle = `${pack.id} 的服务项目目录“${catalogue.id}”`;
    } else {
      add('institution.policy', `政策包“${pack.id}”所用的服务项目目录“${pack.catalogue}”未安装，请先导入该目录`);
    }
  }

  // Residents: unique refs and persons, real dates, a possible stay timeline.
  const residentAt = uniqueRefs(d.residents, 'residents', '服务对象', add);
  d.residents.forEach((r, i) => {
    const base = `residents[${i}]`;
    const who = `服务对象 ${r.ref}（${r.name}）`;
    if (idBornAfter(r.idNumber, today)) add(`${base}.idNumber`, `${who}：${idNumberProblem(r.idNumber, today)}`);
    r.assessments.forEach((a, j) => {
      const notYet = date(`${base}.assessments[${j}].concludedOn`, a.concludedOn) ? assessmentNotYet(a.concludedOn, today) : null;
      if (notYet) add(`${base}.assessments[${j}].concludedOn`, `${who}：${notYet}`);
    });
    r.events.forEach((e, j) => {
      const notYet = isValidDate(e.date) ? stayEventNotYet(e.type, e.date, today) : null;
      if (notYet) add(`${base}.events[${j}].date`, `${who}：${notYet}`);
    });
    const dated = r.events.map((e, j) => ({ e, j })).filter(({ e, j }) => date(`${base}.events[${j}].date`, e.date));
    for (const p of stayTimelineProblems(dated.map((x) => x.e))) {
      const j = dated[p.index]?.j ?? p.index;
      add(`${base}.events[${j}]${p.field ? `.${p.field}` : ''}`, p.message);
    }
  });

  // Staff: unique refs and persons, employment and certificate dates in order.
  const staffAt = uniqueRefs(d.staff, 'staff', '工作人员', add);
  d.staff.forEach((s, i) => {
    const base = `staff[${i}]`;
    if (idBornAfter(s.idNumber, today)) add(`${base}.idNumber`, `工作人员 ${s.ref}（${s.name}）：${idNumberProblem(s.idNumber, today)}`);
    const from = date(`${base}.employedFrom`, s.employedFrom);
    const to = date(`${base}.employedTo`, s.employedTo);
    if (from && to && s.employedTo! < s.employedFrom!) {
      add(`${base}.employedTo`, `离职日期 ${s.employedTo} 早于入职日期 ${s.employedFrom}，请核对`);
    }
    s.certificates.forEach((c, j) => {
      const cb = `${base}.certificates[${j}]`;
      // the inspection checks a certificate by its number, as the forms and a roster refuse it (visibleText.ts)
      const invisible = invisibleCharacterProblem('证书编号', c.number);
      if (invisible) add(`${cb}.number`, invisible);
      const issued = date(`${cb}.issuedOn`, c.issuedOn);
      const expires = date(`${cb}.expiresOn`, c.expiresOn);
      if (issued && expires && c.expiresOn! < c.issuedOn) {
        add(`${cb}.expiresOn`, `证书有效期至 ${c.expiresOn} 早于发证日期 ${c.issuedOn}，请核对证书上的日期`);
      }
    });
  });

  // Visits: unique refs, known people, real times in order, codes of the catalogue. Every ref problem of
  // the visits is listed before their other problems (the order a user has always been given).
  const visitRefs = new UniqueRefs('visits', '服务记录');
  const visitProblems: DatasetProblem[] = [];
  const addVisit = (path: string, message: string): void => {
    visitProblems.push({ path, message });
  };
  const names = new Map(d.residents.map((r) => [r.ref, r.name]));
  // Run once per visit of a million-visit file: paths are made only for a problem, no closure per item.
  const visit = (v: Visit, i: number): void => {
    visitRefs.add(v, i);
    if (!residentAt.has(v.resident)) addVisit(`visits[${i}].resident`, `找不到编号为“${v.resident}”的服务对象，请核对编号，或在 residents 中补上此人`);
    if (!staffAt.has(v.staff)) addVisit(`visits[${i}].staff`, `找不到编号为“${v.staff}”的工作人员，请核对编号，或在 staff 中补上此人`);
    const startOk = isValidDateTime(v.start);
    if (!startOk) addVisit(`visits[${i}].start`, badTime(v.start));
    const endOk = isValidDateTime(v.end);
    if (!endOk) addVisit(`visits[${i}].end`, badTime(v.end));
    const notYet = startOk ? visitNotYet(v.start, today) : null;
    if (notYet) addVisit(`visits[${i}].start`, `服务记录 ${v.ref}（${names.get(v.resident) ?? v.resident}）：${notYet}`);
    // end == start is kept: the claim reports it as too short (VISIT_TOO_SHORT).
    if (startOk && endOk && v.end < v.start) {
      addVisit(`visits[${i}].end`, `结束时间早于开始时间，请核对（开始 ${v.start}，结束 ${v.end}）`);
    }
    if (codes) {
      const items = v.items;
      for (let j = 0; j < items.length; j++) {
        const code = items[j]!;
        if (!codes.has(code)) addVisit(`visits[${i}].items[${j}]`, `服务项目代码“${code}”不在${catalogueTitle}中，请核对代码`);
      }
    }
  };

  // What follows the visits in the list: the same `add`, into its own part, read when the problems are
  // asked for (a streamed file's rota and plans may come after its visits).
  const restProblems = (): DatasetProblem[] => {
    const rest: DatasetProblem[] = [];
    sink = rest;

    // 1.1: the rota, the care plans and the planned visits refer to the file's people and shift types.
    const noStaff = (path: string, ref: string) => add(path, `找不到编号为“${ref}”的工作人员，请核对编号，或在 staff 中补上此人`);
    const noResident = (path: string, ref: string) => add(path, `找不到编号为“${ref}”的服务对象，请核对编号，或在 residents 中补上此人`);
    if ((d.rota || d.carePlans || d.plannedVisits) && d.version !== 1.1) add('version', '含排班、服务计划或派单的文件须为 1.1 版（version: 1.1）');
    if (d.rota) {
      const shiftNames = new Set<string>();
      const keys = new Set<string>();
      d.rota.shiftTypes.forEach((t, i) => {
        if (shiftNames.has(t.name)) add(`rota.shiftTypes[${i}].name`, `班次“${t.name}”重复`);
        if (keys.has(t.key.toUpperCase())) add(`rota.shiftTypes[${i}].key`, `班次快捷键“${t.key}”重复`);
        shiftNames.add(t.name);
        keys.add(t.key.toUpperCase());
        if (t.kind === 'work' && (!t.start || !t.end || !t.post)) add(`rota.shiftTypes[${i}]`, `上班的班次“${t.name}”须有开始、结束时间和岗位`);
      });
      const seen = new Set<string>();
      d.rota.cells.forEach((c, i) => {
        if (!staffAt.has(c.staff)) noStaff(`rota.cells[${i}].staff`, c.staff);
        date(`rota.cells[${i}].date`, c.date);
        if (!shiftNames.has(c.shift)) add(`rota.cells[${i}].shift`, `班次“${c.shift}”不在 rota.shiftTypes 中`);
        if (seen.has(`${c.staff}|${c.date}`)) add(`rota.cells[${i}]`, `${c.staff} 在 ${c.date} 有两个班`);
        seen.add(`${c.staff}|${c.date}`);
      });
    }
    const planned = new Set<string>();
    d.carePlans?.forEach((p, i) => {
      const base = `carePlans[${i}]`;
      if (!residentAt.has(p.resident)) noResident(`${base}.resident`, p.resident);
      if (planned.has(p.resident)) add(`${base}.resident`, `服务对象“${p.resident}”有两份服务计划，每人只能有一份`);
      planned.add(p.resident);
      if (p.preferredStaff !== undefined && !staffAt.has(p.preferredStaff)) noStaff(`${base}.preferredStaff`, p.preferredStaff);
      p.excludedStaff.forEach((ref, j) => staffAt.has(ref) || noStaff(`${base}.excludedStaff[${j}]`, ref));
      if (p.windowEnd <= p.windowStart) add(`${base}.windowEnd`, `时间窗结束（${p.windowEnd}）应晚于开始（${p.windowStart}）`);
      if (codes) p.items.forEach((code, j) => codes.has(code) || add(`${base}.items[${j}]`, `服务项目代码“${code}”不在${catalogueTitle}中，请核对代码`));
    });
    d.plannedVisits?.forEach((v, i) => {
      if (!residentAt.has(v.resident)) noResident(`plannedVisits[${i}].resident`, v.resident);
      if (v.staff !== undefined && !staffAt.has(v.staff)) noStaff(`plannedVisits[${i}].staff`, v.staff);
      date(`plannedVisits[${i}].date`, v.date);
    });
    return rest;
  };

  return {
    visit,
    problems: () => {
      const rest = restProblems();
      return [...out, ...visitRefs.problems, ...visitProblems, ...rest];
    },
    found: () => out.length + visitRefs.problems.length + visitProblems.length,
  };
}

const badTime = (value: string): string => `“${value}”不是有效的时间：日期须真实存在，时为 00–23，分为 00–59，请改正`;

/**
 * Refs tie a file's records together, so each must be unique in its list. Residents and staff are
 * also matched by ID number on import (the same person), so one ID number twice in a list would
 * silently merge two records: it is refused too. Returns ref → first index.
 */
function uniqueRefs(
  list: readonly { ref: string; idNumber?: string; name?: string }[],
  key: string,
  noun: string,
  add: (path: string, message: string) => void,
): Map<string, number> {
  const refs = new UniqueRefs(key, noun);
  list.forEach((item, i) => refs.add(item, i));
  for (const p of refs.problems) add(p.path, p.message);
  return refs.at;
}

const LABELS = [
  ['ref', '编号'],
  ['name', '姓名'],
  ['idNumber', '身份证号'],
] as const;

/** uniqueRefs one record at a time (a streamed file's visits). */
class UniqueRefs {
  /** ref → first index */
  readonly at = new Map<string, number>();
  readonly problems: DatasetProblem[] = [];
  /** ID number → first index and name */
  private readonly ids = new Map<string, { index: number; name: string | undefined }>();

  constructor(
    private readonly key: string,
    private readonly noun: string,
  ) {}

  add(item: { ref: string; idNumber?: string; name?: string }, i: number): void {
    const { key } = this;
    for (const [field, label] of LABELS) {
      // an absent field (a visit's name and ID number) holds nothing to find
      const text = item[field];
      const problem = text ? invisibleCharacterProblem(label, text) : null;
      if (problem) this.problems.push({ path: `${key}[${i}].${field}`, message: problem });
    }
    const first = this.at.get(item.ref);
    if (first === undefined) this.at.set(item.ref, i);
    else {
      this.problems.push({
        path: `${key}[${i}].ref`,
        message: `编号“${item.ref}”与 ${key}[${first}] 重复，每条${this.noun}的 ref 必须唯一，请改用不同的编号`,
      });
    }
    // An empty ID number identifies nobody (import matches it by ref and name instead).
    if (!item.idNumber) return;
    const same = this.ids.get(item.idNumber);
    if (same === undefined) this.ids.set(item.idNumber, { index: i, name: item.name });
    else {
      this.problems.push({
        path: `${key}[${i}].idNumber`,
        message: `身份证号与 ${key}[${same.index}]（${same.name ?? ''}）相同；同一人只能登记一次，请合并这两条记录或核对号码`,
      });
    }
  }
}
