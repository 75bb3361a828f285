/**
 * 床日统计表 in the agency's register form (床日登记表): landscape A4, one row per institutional line,
 * 31 day columns with a mark a day, then the month's 在院 / 住院 / 请假 / 计费 days. The clerk reads it
 * against the ward's own book (docs/rules.md §10), so the marks are the book's: ✓ 在院, H 住院,
 * L 请假, 入 入院, 出 出院, 亡 死亡, blank outside the stay. The legend is a header row: it is printed on
 * every page the register continues on. Statuses come from the claim's evidence, the admission,
 * discharge and death days from the records (shared/claims/stayMarks.ts): labels only, never billing.
 */
import { datesOfMonth, isoWeekday } from '../../../shared/domain/dates';
import { maskIdNumber } from '../../../shared/domain/ids';
import type { LocalDate } from '../../../shared/domain/model';
import { stayMarksOfMonth } from '../../../shared/claims/stayMarks';
import {
  contentWidth,
  fcell,
  fillWidths,
  formDocument,
  formTitle,
  type ColumnStyle,
  type FormBlock,
  type FormCell,
  type FormRow,
  type FormSpec,
  type PlainRow,
} from './formSpec';
import { closingBlocks, isLastPart } from './formTotals';
import { bedOf, institutionalEvidence, type PackageData } from './packageData';
import { type DocMeta, GAP } from './pdfBase';

export const BED_DAYS_TITLE = '床日统计表';

type Numbered = PackageData['lines'][number];

export const CHECK = '✓';
/** The register's marks, as the ward's book writes them. */
export const MARKS = { present: CHECK, hospital: 'H', leave: 'L', admit: '入', discharge: '出', death: '亡' } as const;

const LEGEND = `图例：${[
  `${MARKS.present} 在院`,
  `${MARKS.hospital} 住院（医保支付，不计长护床日）`,
  `${MARKS.leave} 请假外出`,
  `${MARKS.admit} 入院当日（在院，计入）`,
  `${MARKS.discharge} 出院当日（不计入）`,
  `${MARKS.death} 死亡当日（不计入）`,
  '空白 不在入住期内',
  '灰底 在院但不计费（原因见结算问题）',
].join(GAP)}；“计费”为计费床日。`;

const DAYS = 31;
const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];
const LEFT = ['序号', '姓名', '身份证号', '等级', '床位'];
const RIGHT = ['在院', '住院', '请假', '计费'];
const WIDTHS = fillWidths([20, 40, 76, 22, 36, ...Array.from({ length: DAYS }, (): '*' => '*'), 23, 23, 23, 23], contentWidth(true));
const C: ColumnStyle = { align: 'center' };
const COLUMNS: ColumnStyle[] = [C, C, C, C, C, ...Array.from({ length: DAYS }, () => C), C, C, C, { align: 'center', bold: true }];
const NO_DAY = '#d0d0d0';
const UNBILLED = '#e2e2e2';

const th = (t: string, span = 1): FormCell => fcell(t, { bold: true, align: 'center', fill: '#f2f2f2', span });

function headerRows(month: string): FormRow[] {
  const dates = datesOfMonth(month);
  const day = (i: number) => (i < dates.length ? String(i + 1) : '');
  const weekday = (i: number) => {
    const d = dates[i];
    return d ? (WEEKDAYS[isoWeekday(d) - 1] ?? '') : '';
  };
  const days = (text: (i: number) => string) =>
    Array.from({ length: DAYS }, (_, i) => fcell(text(i), { bold: true, align: 'center', fill: i < dates.length ? '#f2f2f2' : NO_DAY }));
  return [
    { cells: [fcell(LEGEND, { span: WIDTHS.length, fill: '#ffffff' })] },
    { cells: [...LEFT.map((t) => th(t)), ...days(day), ...RIGHT.map((t) => th(t))] },
    { cells: [th('星期', LEFT.length), ...days(weekday), th('天数', RIGHT.length)] },
  ];
}

/** A resident's row: plain strings where every day is marked plainly, cells where a day is shaded. */
function residentRow(data: PackageData, n: Numbered, dates: readonly LocalDate[]): FormRow | PlainRow {
  const l = n.line;
  const e = institutionalEvidence(l);
  const hospital = new Set(e.hospital);
  const leave = new Set(e.leave);
  const present = new Set(e.present);
  const billable = new Set(e.billable);
  const resident = data.residents.get(l.resident);
  const events = stayMarksOfMonth(resident?.events ?? [], data.claim.month);
  const marks: { t: string; fill?: string }[] = Array.from({ length: DAYS }, (_, i) => {
    const d = dates[i];
    if (!d) return { t: '', fill: NO_DAY };
    const ev = events.get(d);
    const inStay = hospital.has(d) || leave.has(d) || present.has(d) || billable.has(d);
    const t =
      ev && (ev.mode === 'institutional' || inStay)
        ? MARKS[ev.mark]
        : hospital.has(d)
          ? MARKS.hospital
          : leave.has(d)
            ? MARKS.leave
            : present.has(d) || billable.has(d)
              ? MARKS.present
              : '';
    return { t, fill: present.has(d) && !billable.has(d) ? UNBILLED : undefined };
  });
  const bed = bedOf(resident, data.claim.month) ?? '';
  const left = [String(n.no), l.name, maskIdNumber(l.idNumber), `${l.level}级`, bed];
  const right = [e.present.length, e.hospital.length, e.leave.length, e.billable.length].map(String);
  if (!marks.some((m) => m.fill)) return [...left, ...marks.map((m) => m.t), ...right];
  return {
    cells: [
      ...left.map((t) => fcell(t, { align: 'center' })),
      ...marks.map((m) => fcell(m.t, { align: 'center', fill: m.fill })),
      ...right.map((t, i) => fcell(t, { align: 'center', bold: i === RIGHT.length - 1 })),
    ],
  };
}

/** The register's own 合计 row: residents and the day counts summed. */
function sumRow(people: readonly Numbered[]): FormRow {
  const sum = (pick: (e: ReturnType<typeof institutionalEvidence>) => readonly string[]) =>
    String(people.reduce((s, n) => s + pick(institutionalEvidence(n.line)).length, 0));
  return {
    cells: [
      fcell(`本表合计${GAP}${people.length} 人`, { bold: true, span: LEFT.length + DAYS, align: 'right' }),
      ...[sum((e) => e.present), sum((e) => e.hospital), sum((e) => e.leave), sum((e) => e.billable)].map((t) => fcell(t, { bold: true, align: 'center' })),
    ],
  };
}

export function bedDaysPdf(data: PackageData, people: readonly Numbered[], meta: Omit<DocMeta, 'title' | 'orientation'>): FormSpec {
  const doc: DocMeta = { ...meta, title: BED_DAYS_TITLE, orientation: 'landscape' };
  const dates = datesOfMonth(data.claim.month);
  const rows: (FormRow | PlainRow)[] = [...headerRows(data.claim.month), ...people.map((n) => residentRow(data, n, dates))];
  if (people.length > 0) rows.push(sumRow(people));
  const blocks: FormBlock[] = [
    ...formTitle(doc, '每位入住人员一行，逐日记录在院情况；身份证号已部分隐藏，序号与申报工作簿一致。'),
    { k: 'table', widths: WIDTHS, headerRows: 3, keepWithHeaderRows: 1, columns: COLUMNS, rows, size: 7, mb: 8 },
  ];
  if (people.length === 0) blocks.push({ k: 'p', runs: [{ t: '本月没有机构护理床日。' }], size: 8.5 });
  const institutional = data.lines.filter((n) => n.line.mode === 'institutional');
  const place = { split: Boolean(meta.part), last: isLastPart(people, institutional, (n) => n.no) };
  blocks.push(
    ...closingBlocks(
      data,
      people.map((n) => n.line),
      doc,
      place,
    ),
  );
  return formDocument(doc, blocks);
}
