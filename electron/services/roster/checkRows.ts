/**
 * Each roster row on its own: its cells read into a person and the records the row brings (an
 * assessment and an admission; a certificate), with every problem named by its column. What needs
 * other rows or the database (duplicates, contradictions with stored stays) is judged in plan.ts.
 */
import type { RosterIssue } from '../../../shared/api/roster';
import { nurseLicenceDefaultExpiry } from '../../../shared/api/staff';
import { weighIdNumber } from '../../../shared/fields/idNumber';
import { invisibleCharacterProblem } from '../../../shared/fields/visibleText';
import { CERTIFICATE_NAMES, STAFF_ROLE_NAMES } from '../../../shared/domain/glossary';
import { CARE_MODE, LEVEL as LEVEL_FIELD } from '../../../shared/fields/choices';
import {
  STAFF_ROLES,
  type Assessment,
  type Certificate,
  type CertificateType,
  type InsuranceType,
  type LocalDate,
  type StaffRole,
  type StayEvent,
} from '../../../shared/domain/model';
import { assessmentNotYet, stayEventNotYet } from '../../../shared/domain/notYet';
import { phoneProblem } from '../../../shared/domain/phone';
import { choice, date, idNumber, spellings, text, type Parsed } from '../spreadsheet/cells';
import { INSURANCE_NAMES, LEVEL_OPTIONS, MODE_OPTIONS, RESIDENT_COLUMNS, STAFF_COLUMNS, type ResidentHeader, type StaffHeader } from './columns';
import type { Cell, SheetRow } from './readRoster';

interface Line {
  row: number;
  name: string;
  idNumber: string;
  issues: RosterIssue[];
}

export interface ResidentLine extends Line {
  sheet: 'residents';
  insuranceType: InsuranceType | null;
  phone: string | null;
  address: string | null;
  assessment: Assessment | null;
  admit: StayEvent | null;
}

export interface StaffLine extends Line {
  sheet: 'staff';
  role: StaffRole | null;
  employedFrom: LocalDate | null;
  certificate: Certificate | null;
  /** the nurse licence's expiry was not given and took the 5-year default */
  defaultedExpiry: boolean;
}

const INSURANCE = spellings<InsuranceType>([
  ['employee', [INSURANCE_NAMES.employee, '职工', '职工基本医疗保险', '职工医疗保险']],
  ['resident', [INSURANCE_NAMES.resident, '城乡居民', '居民', '居民医保', '城乡居民基本医疗保险']],
]);
const LEVEL = LEVEL_FIELD.spellings;
const MODE = CARE_MODE.spellings;
const ROLE = spellings(STAFF_ROLES.map((r) => [r, [STAFF_ROLE_NAMES[r], r]]));
const CERT = spellings<CertificateType>(
  (Object.entries(CERTIFICATE_NAMES) as [CertificateType, string][]).map(([t, n]) => [t, [n, n.replace(/证书$/, ''), n.replace(/书$/, ''), t]]),
);

/** Reads cells of one row, collecting problems under their column. */
function reader<H extends string>(r: SheetRow, issues: RosterIssue[]) {
  const cell = (h: H): Cell => r.cells.get(h) ?? null;
  const take = <T>(h: H, p: Parsed<T>, fallback: T): T => {
    if (p.ok) return p.value;
    issues.push({ severity: 'error', column: h, message: p.message });
    return fallback;
  };
  return {
    cell,
    has: (h: H) => cell(h) !== null,
    text: (h: H, max: number) => {
      const value = take(h, text(cell(h), max), null);
      // every text a roster brings in, as the forms and a dataset refuse it: U+202E shows 赵玉兰 reversed on
      // every screen and paper, U+200B makes a second person or certificate that looks the same
      const invisible = value === null ? null : invisibleCharacterProblem(h, value);
      if (invisible) issues.push({ severity: 'error', column: h, message: invisible });
      return value;
    },
    date: (h: H) => take(h, date(cell(h)), null),
    choice: <T>(h: H, map: ReadonlyMap<string, T>, options: readonly string[]) => take<T | null>(h, choice(cell(h), map, options), null),
    error: (h: H | null, message: string) => issues.push({ severity: 'error', column: h, message }),
    warn: (h: H | null, message: string) => issues.push({ severity: 'warning', column: h, message }),
  };
}

/** 姓名 and 身份证号, common to both sheets: a bad check character is a warning here, not a refusal. */
function person<H extends string>(x: ReturnType<typeof reader<H | '姓名' | '身份证号'>>, today: LocalDate): { name: string; idNumber: string } {
  const name = x.text('姓名', 50) ?? '';
  if (!name && x.cell('姓名') === null) x.error('姓名', '必填：请填写姓名');
  const parsed = idNumber(x.cell('身份证号'));
  let id = '';
  if (!parsed.ok) x.error('身份证号', parsed.message);
  else if (parsed.value === null) x.error('身份证号', '必填：请填写18位身份证号');
  else {
    id = parsed.value;
    const weighed = weighIdNumber(id, today);
    if (weighed.error) x.error('身份证号', weighed.error);
    if (weighed.warning) x.warn('身份证号', `${weighed.warning}。仍可导入，但在更正前该人员不能进入结算申报`);
  }
  return { name, idNumber: id };
}

/** 电话: checked as the form checks it; a number that is not one blocks the row until fixed. */
function phoneOf(x: ReturnType<typeof reader<ResidentHeader>>, max: number): string | null {
  const phone = x.text('电话', max);
  const problem = phone ? phoneProblem(phone) : null;
  if (problem) x.error('电话', problem);
  return phone;
}

const maxOf = (cols: readonly { header: string; maxLength?: number }[], h: string): number => cols.find((c) => c.header === h)?.maxLength ?? 100;

export function checkResidentRow(r: SheetRow, today: LocalDate): ResidentLine {
  const issues: RosterIssue[] = [];
  const x = reader<ResidentHeader>(r, issues);
  const len = (h: ResidentHeader) => maxOf(RESIDENT_COLUMNS, h);
  const who = person(x, today);
  const line: ResidentLine = {
    sheet: 'residents',
    row: r.row,
    ...who,
    insuranceType: x.choice('参保类型', INSURANCE, Object.values(INSURANCE_NAMES)),
    phone: phoneOf(x, len('电话')),
    address: x.text('地址', len('地址')),
    assessment: null,
    admit: null,
    issues,
  };

  const level = x.choice('评估等级', LEVEL, LEVEL_OPTIONS);
  const concludedOn = x.date('评估结论日期');
  const number = x.text('评估结论书编号', len('评估结论书编号'));
  const assessor = x.text('评估机构', len('评估机构'));
  if (x.has('评估等级') || x.has('评估结论日期') || number || assessor) {
    if (!x.has('评估等级')) x.error('评估等级', '填写了评估结论，请同时选择评估等级（0–5级）');
    if (!x.has('评估结论日期')) x.error('评估结论日期', '填写了评估结论，请同时填写评估结论日期');
    const notYet = concludedOn ? assessmentNotYet(concludedOn, today) : null;
    if (notYet) x.error('评估结论日期', notYet);
    if (level !== null && concludedOn) line.assessment = { level, concludedOn, ...(number ? { number } : {}), ...(assessor ? { assessor } : {}) };
  }

  const admitOn = x.date('入住日期');
  const mode = x.choice('护理方式', MODE, MODE_OPTIONS);
  const bed = x.text('床位', len('床位'));
  if (x.has('入住日期') || x.has('护理方式') || bed) {
    if (!x.has('入住日期')) x.error('入住日期', '填写了护理方式或床位，请同时填写入住日期');
    if (!x.has('护理方式')) x.error('护理方式', '填写了入住日期，请同时选择护理方式：机构 或 居家');
    // An admission is registered on the day it happens, as in the form (shared/domain/notYet.ts).
    const notYet = admitOn ? stayEventNotYet('admit', admitOn, today) : null;
    if (notYet) x.error('入住日期', notYet);
    if (mode === 'home' && bed) x.warn('床位', '居家护理不占用床位，本行的床位不会导入');
    if (admitOn && mode) line.admit = { type: 'admit', date: admitOn, mode, ...(mode === 'institutional' && bed ? { bed } : {}) };
  }
  return line;
}

export function checkStaffRow(r: SheetRow, today: LocalDate): StaffLine {
  const issues: RosterIssue[] = [];
  const x = reader<StaffHeader>(r, issues);
  const len = (h: StaffHeader) => maxOf(STAFF_COLUMNS, h);
  const who = person(x, today);
  const line: StaffLine = {
    sheet: 'staff',
    row: r.row,
    ...who,
    role: x.choice(
      '岗位',
      ROLE,
      STAFF_ROLES.map((s) => STAFF_ROLE_NAMES[s]),
    ),
    employedFrom: x.date('入职日期'),
    certificate: null,
    defaultedExpiry: false,
    issues,
  };

  const type = x.choice('证书类型', CERT, Object.values(CERTIFICATE_NAMES));
  const number = x.text('证书编号', len('证书编号'));
  const level = x.text('证书等级', len('证书等级'));
  const issuedOn = x.date('发证日期');
  let expiresOn = x.date('有效期至');
  if (x.has('证书类型') || number || level || x.has('发证日期') || x.has('有效期至')) {
    if (!x.has('证书类型')) x.error('证书类型', '填写了证书信息，请同时选择证书类型');
    if (!number) x.error('证书编号', '填写了证书，请同时填写证书编号');
    if (!x.has('发证日期')) x.error('发证日期', '填写了证书，请同时填写发证日期');
    if (issuedOn && issuedOn > today) x.error('发证日期', `${issuedOn} 晚于今天，发证日期不能在将来，请核对`);
    if (issuedOn && expiresOn && expiresOn < issuedOn) x.error('有效期至', `有效期至 ${expiresOn} 早于发证日期 ${issuedOn}，请核对`);
    if (type === 'nurse-licence' && issuedOn && !x.has('有效期至')) {
      expiresOn = nurseLicenceDefaultExpiry(issuedOn);
      line.defaultedExpiry = true;
      x.warn('有效期至', `未填有效期至，按护士执业注册有效期5年计为 ${expiresOn}`);
    }
    if (type && number && issuedOn) line.certificate = { type, number, ...(level ? { level } : {}), issuedOn, ...(expiresOn ? { expiresOn } : {}) };
  }
  return line;
}
