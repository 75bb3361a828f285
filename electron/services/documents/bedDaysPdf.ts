/**
 * 床日统计表: for each institutional line, the month as a calendar, each day marked 在院 / 住院 /
 * 请假 / — (outside the stay) and ✓ where billable, with the counts. Inspectors compare it with the
 * ward's own registers (docs/rules.md §10). Two calendars side by side; a pair never splits over a page.
 */
import { datesOfMonth, isoWeekday } from '../../../shared/domain/dates';
import { maskIdNumber } from '../../../shared/domain/ids';
import type { LocalDate } from '../../../shared/domain/model';
import { levelLabel } from './format';
import { contentWidth, formDocument, formTitle, type FixedBlock, type FixedOp, type FormBlock, type FormSpec } from './formSpec';
import { bedOf, institutionalEvidence, type PackageData } from './packageData';
import { type DocMeta, GAP } from './pdfBase';

export const BED_DAYS_TITLE = '床日统计表';

type Numbered = PackageData['lines'][number];
type DayStatus = 'present' | 'hospital' | 'leave' | 'outside';

const STATUS_TEXT: Record<DayStatus, string> = { present: '在院', hospital: '住院', leave: '请假', outside: '—' };
const STATUS_FILL: Record<DayStatus, string | undefined> = { present: undefined, hospital: '#dcdcdc', leave: '#eeeeee', outside: undefined };
const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];
export const CHECK = '✓';

const LEGEND = `图例：“在院”在本机构；“住院”住院或外出就医（医保支付，不计长护床日）；“请假”请假外出；“—”不在入住期内；“${CHECK}”计费床日。`;

/** Two calendars side by side, 14 pt apart; seven day columns each. */
const GUTTER = 14;
const HALF = (contentWidth(false) - GUTTER) / 2;
const CELL = HALF / 7;
/** the three lines of text above a calendar, then the weekday row, then a row a week */
const GRID_TOP = 35;
const HEAD_H = 11;
const WEEK_H = 21;

/** The month as weeks of seven (Monday first), null outside the month. */
function weeks(month: string): (LocalDate | null)[][] {
  const dates = datesOfMonth(month);
  const cells: (LocalDate | null)[] = Array.from({ length: isoWeekday(dates[0] ?? `${month}-01`) - 1 }, () => null);
  cells.push(...dates);
  while (cells.length % 7 !== 0) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
}

/** One person's calendar as drawing operations, at x0 within the pair. */
function calendarOps(data: PackageData, n: Numbered, x0: number, grid: (LocalDate | null)[][]): FixedOp[] {
  const l = n.line;
  const e = institutionalEvidence(l);
  const sets = { hospital: new Set(e.hospital), leave: new Set(e.leave), present: new Set(e.present) };
  const billable = new Set(e.billable);
  const status = (d: LocalDate): DayStatus =>
    sets.hospital.has(d) ? 'hospital' : sets.leave.has(d) ? 'leave' : sets.present.has(d) || billable.has(d) ? 'present' : 'outside';
  const bed = bedOf(data.residents.get(l.resident), data.claim.month);
  const ops: FixedOp[] = [
    { k: 'text', x: x0, y: 0, size: 8.5, runs: [{ t: `${n.no}${GAP}${l.name}`, b: true }, { t: `${GAP}${maskIdNumber(l.idNumber)}` }] },
    { k: 'text', x: x0, y: 11.5, size: 7.5, runs: [{ t: `${levelLabel(l.level)}${bed ? `${GAP}床位 ${bed}` : ''}` }] },
    {
      k: 'text',
      x: x0,
      y: 22,
      size: 7.5,
      runs: [{ t: `在院 ${e.present.length} 天${GAP}住院 ${e.hospital.length} 天${GAP}请假 ${e.leave.length} 天${GAP}计费 ${e.billable.length} 天`, b: true }],
    },
    { k: 'rect', x: x0, y: GRID_TOP, w: HALF, h: HEAD_H, fill: '#f2f2f2' },
  ];
  WEEKDAYS.forEach((w, i) => ops.push({ k: 'text', x: x0 + i * CELL, y: GRID_TOP + 1.5, w: CELL, align: 'center', size: 7, runs: [{ t: w, b: true }] }));
  grid.forEach((week, r) => {
    const top = GRID_TOP + HEAD_H + r * WEEK_H;
    week.forEach((d, i) => {
      if (!d) return;
      const x = x0 + i * CELL;
      const st = status(d);
      const paid = billable.has(d);
      const fill = STATUS_FILL[st];
      if (fill) ops.push({ k: 'rect', x, y: top, w: CELL, h: WEEK_H, fill });
      ops.push({ k: 'text', x: x + 1.5, y: top + 1, size: 6.5, runs: [{ t: String(Number(d.slice(8, 10))), c: '#555555' }] });
      ops.push({ k: 'text', x, y: top + 9.5, w: CELL, align: 'center', size: 7.5, runs: [{ t: `${STATUS_TEXT[st]}${paid ? ` ${CHECK}` : ''}`, b: paid }] });
    });
  });
  const bottom = GRID_TOP + HEAD_H + grid.length * WEEK_H;
  for (let r = 0; r <= grid.length + 1; r++) {
    const y = r === 0 ? GRID_TOP : GRID_TOP + HEAD_H + (r - 1) * WEEK_H;
    ops.push({ k: 'line', x1: x0, y1: y, x2: x0 + HALF, y2: y });
  }
  for (let i = 0; i <= 7; i++) ops.push({ k: 'line', x1: x0 + i * CELL, y1: GRID_TOP, x2: x0 + i * CELL, y2: bottom });
  return ops;
}

/** A pair of calendars (or the last one alone): never split over a page. */
function pairBlock(data: PackageData, pair: readonly Numbered[]): FixedBlock {
  const grid = weeks(data.claim.month);
  const ops = pair.flatMap((n, i) => calendarOps(data, n, i * (HALF + GUTTER), grid));
  return { k: 'fixed', h: GRID_TOP + HEAD_H + grid.length * WEEK_H, ops, lineWidth: 0.4, lineColor: '#777777', mb: 10 };
}

/** Two calendars a row: one unit of weight each, for splitting very large homes into parts. */
export function bedDaysPdf(data: PackageData, people: readonly Numbered[], meta: Omit<DocMeta, 'title'>): FormSpec {
  const doc: DocMeta = { ...meta, title: BED_DAYS_TITLE };
  const blocks: FormBlock[] = [...formTitle(doc, LEGEND)];
  for (let i = 0; i < people.length; i += 2) blocks.push(pairBlock(data, people.slice(i, i + 2)));
  if (people.length === 0) blocks.push({ k: 'p', runs: [{ t: '本月没有机构护理床日。' }], size: 8.5 });
  return formDocument(doc, blocks);
}
