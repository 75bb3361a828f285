/**
 * 个人结算明细: per person and care mode, the amounts claimed and what they rest on, the billable
 * days or the counted visits. ID numbers are masked (PIPL); the agency gets them whole in the
 * workbook. Each person is one table whose first row repeats on a page break.
 */
import type { Content, TableCell } from 'pdfmake/interfaces';
import type { ClaimLine } from '../../../shared/claims/types';
import { minutesBetween } from '../../../shared/domain/dates';
import { maskIdNumber } from '../../../shared/domain/ids';
import { formatYuan } from '../../../shared/domain/money';
import { dayRanges, levelLabel, modeLabel, shortDate, timeOf } from './format';
import { homeEvidence, institutionalEvidence, type PackageData } from './packageData';
import { cell, type DocMeta, GAP, GAP2, pdfDocument, spanned, TABLE, type TextCell, titleBlock } from './pdfBase';
import type { PdfSpec } from './renderPool';

export const PERSONAL_TITLE = '个人结算明细';

type Numbered = PackageData['lines'][number];

const COLS = 6;
const th = (text: string, props: Omit<TextCell, 'text'> = {}) => cell(text, { style: 'th', fillColor: '#f2f2f2', ...props });
/** One cell across the whole table. */
const full = (text: TextCell['text'], props: Omit<TextCell, 'text'> = {}): TableCell[] => [cell(text, { ...props, colSpan: COLS }), ...spanned(COLS - 1)];

/** Table rows a person takes, for splitting the document into parts of similar size. */
export function personalRows(n: Numbered): number {
  return n.line.mode === 'home' ? 5 + homeEvidence(n.line).counted.length : 6;
}

function headerRow(n: Numbered): TableCell[] {
  const l = n.line;
  return full(
    [{ text: `${n.no}${GAP}${l.name}`, bold: true, fontSize: 9.5 }, `${GAP2}身份证号 ${maskIdNumber(l.idNumber)}${GAP2}${modeLabel(l.mode)}${GAP2}失能等级 ${levelLabel(l.level)}`],
    { fillColor: '#e4e4e4' },
  );
}

function amountRows(l: ClaimLine): TableCell[][] {
  const home = l.mode === 'home';
  return [
    [th('床日'), th('服务分钟'), th('服务次数'), th('费用合计（元）'), th('基金支付（元）'), th('个人负担（元）')],
    [
      cell(home ? '—' : String(l.billableDays), { style: 'center' }),
      cell(home ? String(l.coveredMinutes) : '—', { style: 'center' }),
      cell(home ? String(l.visits ?? 0) : '—', { style: 'center' }),
      cell(formatYuan(l.feeFen), { style: 'num' }),
      cell(formatYuan(l.fundFen), { style: 'num' }),
      cell(formatYuan(l.personalFen), { style: 'num' }),
    ],
  ];
}

function institutionalRows(l: ClaimLine): TableCell[][] {
  const e = institutionalEvidence(l);
  const billable = new Set(e.billable);
  const presentUnbilled = e.present.filter((d) => !billable.has(d));
  const leaveUnbilled = e.leave.filter((d) => !billable.has(d));
  const rows: [string, string][] = [
    [`计费床日 ${e.billable.length} 天`, dayRanges(e.billable)],
    [`住院 ${e.hospital.length} 天（不计费）`, dayRanges(e.hospital)],
    [`请假 ${e.leave.length} 天`, e.leave.length === 0 ? '无' : `${dayRanges(e.leave)}${leaveUnbilled.length > 0 ? `；其中 ${leaveUnbilled.length} 天超出可计费天数，不计费` : ''}`],
  ];
  if (presentUnbilled.length > 0) rows.push([`在院未计费 ${presentUnbilled.length} 天`, `${dayRanges(presentUnbilled)}（见结算问题）`]);
  return rows.map(([k, v]): TableCell[] => [cell(k, { colSpan: 2, bold: true }), ...spanned(1), cell(v, { colSpan: 4 }), ...spanned(3)]);
}

function homeRows(data: PackageData, l: ClaimLine): TableCell[][] {
  const e = homeEvidence(l);
  const visits = new Map((data.monthVisits.get(l.resident) ?? []).map((v) => [v.ref, v]));
  const summary = `有效服务 ${e.validMinutes} 分钟，结算 ${l.coveredMinutes} 分钟；计入 ${e.counted.length} 次，超出限额 ${e.overQuota.length} 次，不计入 ${e.excluded.length} 次（逐次情况见上门服务记录明细）`;
  const rows: TableCell[][] = [full(summary)];
  if (e.counted.length === 0) return rows;
  rows.push([th('日期'), th('时间'), th('分钟'), th('护理人员'), th('服务项目', { colSpan: 2 }), ...spanned(1)]);
  for (const ref of e.counted) {
    const v = visits.get(ref);
    if (!v) {
      rows.push(full(`服务记录 ${ref}`));
      continue;
    }
    rows.push([
      cell(shortDate(v.start), { style: 'center' }),
      cell(`${timeOf(v.start)}—${timeOf(v.end)}`, { style: 'center' }),
      cell(String(minutesBetween(v.start, v.end)), { style: 'center' }),
      cell(data.staff.get(v.staff)?.name ?? v.staff),
      cell(v.items.map(data.itemName).join('、'), { colSpan: 2 }),
      ...spanned(1),
    ]);
  }
  return rows;
}

function personTable(data: PackageData, n: Numbered): Content {
  const l = n.line;
  const body = [headerRow(n), ...amountRows(l), ...(l.mode === 'home' ? homeRows(data, l) : institutionalRows(l))];
  return {
    // Narrow columns for dates, times and minutes leave the item names (spanning the last two) room.
    table: { headerRows: 1, keepWithHeaderRows: 3, dontBreakRows: true, widths: [52, 70, 50, 72, '*', '*'], body },
    layout: TABLE.grid,
    margin: [0, 0, 0, 8],
  };
}

export function personalPdf(data: PackageData, people: readonly Numbered[], meta: Omit<DocMeta, 'title'>): PdfSpec {
  const content: Content[] = [
    ...titleBlock({ ...meta, title: PERSONAL_TITLE }),
    { text: '身份证号已按个人信息保护要求部分隐藏；完整号码见申报工作簿（claim.xlsx）“明细”表，序号一致。', style: 'note', margin: [0, 0, 0, 6] },
    ...people.map((n) => personTable(data, n)),
  ];
  if (people.length === 0) content.push({ text: '本月没有结算明细。' });
  return pdfDocument({ ...meta, title: PERSONAL_TITLE }, content);
}
