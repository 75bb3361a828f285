/**
 * 床日统计表: for each institutional line, the month as a calendar, each day marked 在院 / 住院 /
 * 请假 / — (outside the stay) and ✓ where billable, with the counts. Inspectors compare it with the
 * ward's own registers (DOMAIN.md 10). Two calendars side by side; a pair never splits over a page.
 */
import type { Content, TableCell } from 'pdfmake/interfaces';
import { datesOfMonth, isoWeekday } from '../../../shared/domain/dates';
import { maskIdNumber } from '../../../shared/domain/ids';
import type { LocalDate } from '../../../shared/domain/model';
import { levelLabel } from './format';
import { bedOf, institutionalEvidence, type PackageData } from './packageData';
import { type DocMeta, GAP, pdfDocument, TABLE, titleBlock } from './pdfBase';
import type { PdfSpec } from './renderPool';

export const BED_DAYS_TITLE = '床日统计表';

type Numbered = PackageData['lines'][number];
type DayStatus = 'present' | 'hospital' | 'leave' | 'outside';

const STATUS_TEXT: Record<DayStatus, string> = { present: '在院', hospital: '住院', leave: '请假', outside: '—' };
const STATUS_FILL: Record<DayStatus, string | undefined> = { present: undefined, hospital: '#dcdcdc', leave: '#eeeeee', outside: undefined };
const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];
export const CHECK = '✓';

const LEGEND = `图例：“在院”在本机构；“住院”住院或外出就医（医保支付，不计长护床日）；“请假”请假外出；“—”不在入住期内；“${CHECK}”计费床日。`;

function dayCell(date: LocalDate, status: DayStatus, billable: boolean): TableCell {
  return {
    stack: [
      { text: String(Number(date.slice(8, 10))), fontSize: 6.5, color: '#555555' },
      { text: `${STATUS_TEXT[status]}${billable ? ` ${CHECK}` : ''}`, fontSize: 7.5, bold: billable, alignment: 'center' },
    ],
    fillColor: STATUS_FILL[status],
  };
}

function calendar(month: string, n: Numbered): TableCell[][] {
  const e = institutionalEvidence(n.line);
  const sets = { hospital: new Set(e.hospital), leave: new Set(e.leave), present: new Set(e.present) };
  const billable = new Set(e.billable);
  const status = (d: LocalDate): DayStatus =>
    sets.hospital.has(d) ? 'hospital' : sets.leave.has(d) ? 'leave' : sets.present.has(d) || billable.has(d) ? 'present' : 'outside';
  const rows: TableCell[][] = [WEEKDAYS.map((w) => ({ text: w, style: 'th', fontSize: 7, fillColor: '#f2f2f2' }))];
  let week: TableCell[] = [];
  const dates = datesOfMonth(month);
  for (let i = 1; i < isoWeekday(dates[0] ?? `${month}-01`); i++) week.push({ text: '' });
  for (const d of dates) {
    week.push(dayCell(d, status(d), billable.has(d)));
    if (week.length === 7) {
      rows.push(week);
      week = [];
    }
  }
  if (week.length > 0) {
    while (week.length < 7) week.push({ text: '' });
    rows.push(week);
  }
  return rows;
}

function block(data: PackageData, n: Numbered): Content {
  const l = n.line;
  const e = institutionalEvidence(l);
  const bed = bedOf(data.residents.get(l.resident), data.claim.month);
  return {
    stack: [
      { text: [{ text: `${n.no}${GAP}${l.name}`, bold: true }, `${GAP}${maskIdNumber(l.idNumber)}`], fontSize: 8.5 },
      { text: `${levelLabel(l.level)}${bed ? `${GAP}床位 ${bed}` : ''}`, fontSize: 7.5 },
      {
        text: `在院 ${e.present.length} 天${GAP}住院 ${e.hospital.length} 天${GAP}请假 ${e.leave.length} 天${GAP}计费 ${e.billable.length} 天`,
        fontSize: 7.5,
        bold: true,
        margin: [0, 1, 0, 2],
      },
      { table: { widths: Array.from({ length: 7 }, () => '*'), body: calendar(data.claim.month, n) }, layout: TABLE.calendar },
    ],
  };
}

/** Two calendars a row: one unit of weight each, for splitting very large homes into parts. */
export function bedDaysPdf(data: PackageData, people: readonly Numbered[], meta: Omit<DocMeta, 'title'>): PdfSpec {
  const content: Content[] = [...titleBlock({ ...meta, title: BED_DAYS_TITLE }), { text: LEGEND, style: 'note', margin: [0, 0, 0, 6] }];
  for (let i = 0; i < people.length; i += 2) {
    const left = people[i];
    const right = people[i + 1];
    if (!left) break;
    content.push({
      columns: [block(data, left), right ? block(data, right) : { text: '' }],
      columnGap: 14,
      unbreakable: true,
      margin: [0, 0, 0, 10],
    });
  }
  if (people.length === 0) content.push({ text: '本月没有机构护理床日。' });
  return pdfDocument({ ...meta, title: BED_DAYS_TITLE }, content);
}
