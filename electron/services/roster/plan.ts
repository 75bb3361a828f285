/**
 * What importing the roster would do, row by row: which rows are the same person (the same ID number,
 * within the file or already in the database, as dataset import matches people), which records each
 * row adds and which are already there, and what contradicts what. The preview shows this plan; the
 * commit makes it again from the file inside its transaction and carries it out, so what is stored
 * is never what the renderer says it saw, only what the file and the database say now.
 */
import type { RosterIssue, RosterRow, RosterSheet } from '../../../shared/api/roster';
import { CARE_MODE_NAMES, CERTIFICATE_NAMES, LEVEL_NAMES } from '../../../shared/domain/glossary';
import { maskIdNumber } from '../../../shared/domain/ids';
import type { Assessment, Certificate, LocalDate, StayEvent } from '../../../shared/domain/model';
import { stayTimelineProblems } from '../../../shared/domain/stayRules';
import type { LtcDatabase } from '../db/database';
import { checkResidentRow, checkStaffRow, type ResidentLine, type StaffLine } from './checkRows';
import { SHEETS } from './columns';
import type { RosterFile } from './readRoster';

export interface PersonPlan<L> {
  /** the database id of the person already stored, or null: the import creates them */
  existingId: number | null;
  /** the row that introduces the person: a new person's details come from it */
  first: L;
  assessmentKeys: Set<string>;
  events: StayEvent[];
  certificateKeys: Set<string>;
  add: { assessments: Assessment[]; admits: StayEvent[]; certificates: Certificate[] };
  skipped: { assessments: number; admits: number; certificates: number };
}

export interface RosterPlan {
  rows: RosterRow[];
  residents: PersonPlan<ResidentLine>[];
  staff: PersonPlan<StaffLine>[];
  /** rows that would be imported (not excluded, no error) */
  importedRows: number;
  excludedRows: number;
}

export const rowKey = (sheet: RosterSheet, row: number): string => `${sheet}:${row}`;
const assessmentKey = (a: Assessment): string => `${a.level}|${a.concludedOn}`;
const certificateKey = (c: Certificate): string => `${c.type}|${c.number}`;
const hasError = (issues: RosterIssue[]): boolean => issues.some((i) => i.severity === 'error');

function newPlan<L>(first: L, existingId: number | null): PersonPlan<L> {
  return {
    existingId,
    first,
    assessmentKeys: new Set(),
    events: [],
    certificateKeys: new Set(),
    add: { assessments: [], admits: [], certificates: [] },
    skipped: { assessments: 0, admits: 0, certificates: 0 },
  };
}

export function planRoster(db: LtcDatabase, file: RosterFile, exclude: ReadonlySet<string>, today: LocalDate): RosterPlan {
  const kept = file.rows.filter((r) => !exclude.has(rowKey(r.sheet, r.row)));
  const plan: RosterPlan = { rows: [], residents: [], staff: [], importedRows: 0, excludedRows: file.rows.length - kept.length };
  const residentLines = kept.filter((r) => r.sheet === 'residents').map((r) => checkResidentRow(r, today));
  const staffLines = kept.filter((r) => r.sheet === 'staff').map((r) => checkStaffRow(r, today));
  planResidents(db, residentLines, plan);
  planStaff(db, staffLines, plan);
  plan.importedRows = plan.rows.filter((r) => !hasError(r.issues)).length;
  return plan;
}

function baseRow(line: ResidentLine | StaffLine): RosterRow {
  return {
    sheet: line.sheet,
    sheetName: SHEETS[line.sheet].name,
    row: line.row,
    name: line.name,
    idNumberMasked: maskIdNumber(line.idNumber),
    match: 'new',
    matchNote: null,
    effects: [],
    issues: line.issues,
  };
}

/**
 * Who the line is: an earlier row's person, a stored person, or someone new. A different name under
 * the same ID number is an error, never a guess: adding records to the wrong person is worse than
 * asking.
 */
function identify<L extends ResidentLine | StaffLine>(
  line: L,
  row: RosterRow,
  earlier: Map<string, PersonPlan<L>>,
  stored: (id: string) => { id: number; ref: string; name: string } | undefined,
  noun: string,
): { plan: PersonPlan<L> | null; stored: { id: number } | undefined } {
  if (!line.idNumber) return { plan: null, stored: undefined };
  const prior = earlier.get(line.idNumber);
  if (prior) {
    if (prior.first.name !== line.name) {
      row.issues.push({
        severity: 'error',
        column: '姓名',
        message: `与第 ${prior.first.row} 行的身份证号相同，但姓名不同（第 ${prior.first.row} 行为“${prior.first.name}”）：同一身份证号只能是同一人，请核对`,
      });
    }
    row.match = 'repeat';
    row.matchNote = `同第 ${prior.first.row} 行（同一人）`;
    return { plan: prior, stored: undefined };
  }
  const s = stored(line.idNumber);
  if (s) {
    if (s.name !== line.name) {
      row.issues.push({
        severity: 'error',
        column: '姓名',
        message: `身份证号已登记为${noun}“${s.name}”（${s.ref}），与本行姓名“${line.name}”不同：请核对身份证号或姓名`,
      });
    }
    row.match = 'existing';
    row.matchNote = `已存在：${s.name}（${s.ref}）`;
  }
  return { plan: null, stored: s };
}

/** A repeated person's own details: the first row's stand; a different value is pointed out. */
function compareDetails<L extends ResidentLine | StaffLine>(first: L, line: L, row: RosterRow, fields: [keyof L & string, string][]): void {
  for (const [field, column] of fields) {
    const a = first[field];
    const b = line[field];
    if (a !== null && b !== null && a !== b)
      row.issues.push({ severity: 'warning', column, message: `与第 ${first.row} 行填写的不同，以第 ${first.row} 行为准` });
  }
}

function planResidents(db: LtcDatabase, lines: ResidentLine[], plan: RosterPlan): void {
  const byIdNumber = db.raw.prepare('SELECT id, ref, name FROM residents WHERE id_number = ? ORDER BY id LIMIT 1');
  const assessmentsOf = db.raw.prepare('SELECT level, concluded_on AS concludedOn FROM assessments WHERE resident_id = ?');
  const eventsOf = db.raw.prepare('SELECT type, date, mode, bed FROM stay_events WHERE resident_id = ? ORDER BY date, seq');
  const bedCount = db.raw.prepare('SELECT count(*) FROM beds').pluck().get() as number;
  const bedKnown = db.raw.prepare('SELECT 1 FROM beds WHERE code = ?').pluck();
  const earlier = new Map<string, PersonPlan<ResidentLine>>();

  for (const line of lines) {
    const row = baseRow(line);
    plan.rows.push(row);
    if (hasError(row.issues)) continue;
    const who = identify(line, row, earlier, (id) => byIdNumber.get(id) as { id: number; ref: string; name: string } | undefined, '服务对象');
    const person = who.plan ?? newPlan(line, who.stored?.id ?? null);
    if (!who.plan && who.stored) {
      for (const a of assessmentsOf.all(who.stored.id) as Assessment[]) person.assessmentKeys.add(assessmentKey(a));
      person.events = (eventsOf.all(who.stored.id) as StayEvent[]).map((e) => Object.fromEntries(Object.entries(e).filter(([, v]) => v !== null)) as StayEvent);
    }
    if (who.plan)
      compareDetails(who.plan.first, line, row, [
        ['insuranceType', '参保类型'],
        ['phone', '电话'],
        ['address', '地址'],
      ]);

    const effects: string[] = [];
    if (row.match === 'new') effects.push('新增服务对象');
    if (row.match === 'existing') effects.push('已存在：不改动其基本信息，只补充本行新的评估与入住');
    const a = line.assessment;
    const newAssessment = a && !person.assessmentKeys.has(assessmentKey(a)) ? a : null;
    if (a)
      effects.push(
        newAssessment ? `评估结论：${a.level}级（${LEVEL_NAMES[a.level]}），${a.concludedOn}` : `已有 ${a.concludedOn} 的${a.level}级评估结论，不重复添加`,
      );

    const admit = line.admit;
    const sameAdmit = admit && person.events.some((e) => e.type === 'admit' && e.date === admit.date && e.mode === admit.mode);
    if (admit && !sameAdmit) {
      const before = stayTimelineProblems(person.events).length;
      const after = stayTimelineProblems([...person.events, admit]);
      if (after.length > before) {
        const source = person.existingId !== null && !who.plan ? '已登记的在住记录' : `第 ${person.first.row} 行的入住`;
        row.issues.push({ severity: 'error', column: '入住日期', message: `与${source}矛盾：${after.map((p) => p.message).join('；')}` });
      }
      if (admit.bed && bedCount > 0 && !bedKnown.get(admit.bed))
        row.issues.push({ severity: 'warning', column: '床位', message: `床位“${admit.bed}”不在床位表中，请核对床位号（仍可导入）` });
    }
    if (admit)
      effects.push(
        sameAdmit
          ? `已有 ${admit.date} 的入住记录，不重复添加`
          : `入住：${admit.date}，${CARE_MODE_NAMES[admit.mode ?? 'institutional']}${admit.bed ? `，床位 ${admit.bed}` : ''}`,
      );

    if (hasError(row.issues)) continue;
    row.effects = effects;
    if (!who.plan) {
      earlier.set(line.idNumber, person);
      plan.residents.push(person);
    }
    if (newAssessment) {
      person.add.assessments.push(newAssessment);
      person.assessmentKeys.add(assessmentKey(newAssessment));
    } else if (a) person.skipped.assessments++;
    if (admit && !sameAdmit) {
      person.add.admits.push(admit);
      person.events.push(admit);
    } else if (admit) person.skipped.admits++;
  }
}

function planStaff(db: LtcDatabase, lines: StaffLine[], plan: RosterPlan): void {
  const byIdNumber = db.raw.prepare('SELECT id, ref, name FROM staff WHERE id_number = ? ORDER BY id LIMIT 1');
  const certificatesOf = db.raw.prepare('SELECT type, number FROM certificates WHERE staff_id = ?');
  const holder = db.raw.prepare(
    'SELECT s.name, s.ref FROM certificates c JOIN staff s ON s.id = c.staff_id WHERE c.type = ? AND c.number = ? AND s.id_number <> ? LIMIT 1',
  );
  const earlier = new Map<string, PersonPlan<StaffLine>>();

  for (const line of lines) {
    const row = baseRow(line);
    plan.rows.push(row);
    if (hasError(row.issues)) continue;
    const who = identify(line, row, earlier, (id) => byIdNumber.get(id) as { id: number; ref: string; name: string } | undefined, '员工');
    const person = who.plan ?? newPlan(line, who.stored?.id ?? null);
    if (!who.plan && who.stored) for (const c of certificatesOf.all(who.stored.id) as Certificate[]) person.certificateKeys.add(certificateKey(c));
    if (who.plan)
      compareDetails(who.plan.first, line, row, [
        ['role', '岗位'],
        ['employedFrom', '入职日期'],
      ]);

    const effects: string[] = [];
    if (row.match === 'new') effects.push('新增员工');
    if (row.match === 'existing') effects.push('已存在：不改动其基本信息，只补充本行新的证书');
    const c = line.certificate;
    const known = c ? person.certificateKeys.has(certificateKey(c)) : false;
    if (c) {
      effects.push(
        known
          ? `已有${CERTIFICATE_NAMES[c.type]} ${c.number}，不重复添加`
          : `${CERTIFICATE_NAMES[c.type]} ${c.number}${c.expiresOn ? `，有效期至 ${c.expiresOn}` : '，长期有效'}`,
      );
      const other = known ? undefined : (holder.get(c.type, c.number, line.idNumber) as { name: string; ref: string } | undefined);
      if (other) row.issues.push({ severity: 'warning', column: '证书编号', message: `该证书编号已登记在员工“${other.name}”（${other.ref}）名下，请核对` });
    }

    if (hasError(row.issues)) continue;
    row.effects = effects;
    if (!who.plan) {
      earlier.set(line.idNumber, person);
      plan.staff.push(person);
    }
    if (c && !known) {
      person.add.certificates.push(c);
      person.certificateKeys.add(certificateKey(c));
    } else if (c) person.skipped.certificates++;
  }
}
