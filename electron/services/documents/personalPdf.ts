/**
 * 个人结算明细: per person and care mode, the amounts claimed and what they rest on, the billable
 * days or the counted visits. ID numbers are masked (PIPL); the agency gets them whole in the
 * workbook. Each person is one table whose first row repeats on a page break.
 */
import type { ClaimLine } from '../../../shared/claims/types';
import { minutesBetween } from '../../../shared/domain/dates';
import { maskIdNumber } from '../../../shared/domain/ids';
import { formatYuan } from '../../../shared/domain/money';
import { dayRanges, levelLabel, modeLabel, shortDate, timeOf } from './format';
import {
  type ColumnStyle,
  contentWidth,
  fcell,
  fillWidths,
  formDocument,
  formTitle,
  type FormBlock,
  type FormCell,
  type FormRow,
  type FormSpec,
  type PlainRow,
} from './formSpec';
import { closingBlocks, isLastPart } from './formTotals';
import { homeEvidence, institutionalEvidence, type PackageData } from './packageData';
import { type DocMeta, GAP, GAP2 } from './pdfBase';

export const PERSONAL_TITLE = '个人结算明细';

type Numbered = PackageData['lines'][number];

const COLS = 6;
// Narrow columns for dates, times and minutes leave the item names (spanning the last two) room.
const WIDTHS = fillWidths([52, 70, 50, 72, '*', '*'], contentWidth(false));
const th = (text: string, span = 1): FormCell => fcell(text, { bold: true, align: 'center', fill: '#f2f2f2', span });
const center = (text: string) => fcell(text, { align: 'center' });
/** the counted visits' rows (plain strings): date, time, minutes centred; caregiver and items left */
const VISIT_COLUMNS: ColumnStyle[] = [{ align: 'center' }, { align: 'center' }, { align: 'center' }, {}, {}, {}];
const num = (text: string) => fcell(text, { align: 'right' });
/** One cell across the whole table. */
const full = (cell: FormCell): FormRow => ({ cells: [{ ...cell, span: COLS }] });

/** Table rows a person takes, for splitting the document into parts of similar size. */
export function personalRows(n: Numbered): number {
  return n.line.mode === 'home' ? 5 + homeEvidence(n.line).counted.length : 6;
}

/** The person's heading; on the pages a long block continues on, marked （续）. */
function headerRow(n: Numbered, continued = false): FormRow {
  const l = n.line;
  return full(
    fcell(
      [
        { t: `${n.no}${GAP}${l.name}${continued ? '（续）' : ''}`, b: true, s: 9.5 },
        { t: `${GAP2}身份证号 ${maskIdNumber(l.idNumber)}${GAP2}${modeLabel(l.mode)}${GAP2}失能等级 ${levelLabel(l.level)}` },
      ],
      { fill: '#e4e4e4' },
    ),
  );
}

const VISIT_HEAD: FormRow = { cells: [th('日期'), th('时间'), th('分钟'), th('护理人员'), th('服务项目', 2)] };

function amountRows(l: ClaimLine): FormRow[] {
  const home = l.mode === 'home';
  return [
    { cells: ['床日', '服务分钟', '服务次数', '费用合计（元）', '基金支付（元）', '个人负担（元）'].map((t) => th(t)) },
    {
      cells: [
        center(home ? '—' : String(l.billableDays)),
        center(home ? String(l.coveredMinutes) : '—'),
        center(home ? String(l.visits ?? 0) : '—'),
        num(formatYuan(l.feeFen)),
        num(formatYuan(l.fundFen)),
        num(formatYuan(l.personalFen)),
      ],
    },
  ];
}

function institutionalRows(l: ClaimLine): FormRow[] {
  const e = institutionalEvidence(l);
  const billable = new Set(e.billable);
  const presentUnbilled = e.present.filter((d) => !billable.has(d));
  const leaveUnbilled = e.leave.filter((d) => !billable.has(d));
  const rows: [string, string][] = [
    [`计费床日 ${e.billable.length} 天`, dayRanges(e.billable)],
    [`住院 ${e.hospital.length} 天（不计费）`, dayRanges(e.hospital)],
    [
      `请假 ${e.leave.length} 天`,
      e.leave.length === 0 ? '无' : `${dayRanges(e.leave)}${leaveUnbilled.length > 0 ? `；其中 ${leaveUnbilled.length} 天超出可计费天数，不计费` : ''}`,
    ],
  ];
  if (presentUnbilled.length > 0) rows.push([`在院未计费 ${presentUnbilled.length} 天`, `${dayRanges(presentUnbilled)}（见结算问题）`]);
  return rows.map(([k, v]): FormRow => ({ cells: [fcell(k, { span: 2, bold: true }), fcell(v, { span: 4 })] }));
}

function homeRows(data: PackageData, l: ClaimLine): (FormRow | PlainRow)[] {
  const e = homeEvidence(l);
  const visits = new Map((data.monthVisits.get(l.resident) ?? []).map((v) => [v.ref, v]));
  const summary = `有效服务 ${e.validMinutes} 分钟，结算 ${l.coveredMinutes} 分钟；计入 ${e.counted.length} 次，超出限额 ${e.overQuota.length} 次，不计入 ${e.excluded.length} 次（逐次情况见上门服务记录明细）`;
  const rows: (FormRow | PlainRow)[] = [full(fcell(summary))];
  if (e.counted.length === 0) return rows;
  rows.push(VISIT_HEAD);
  for (const ref of e.counted) {
    const v = visits.get(ref);
    if (!v) {
      rows.push(full(fcell(`服务记录 ${ref}`)));
      continue;
    }
    // plain strings in the columns' styles; the item names fill the last two columns' space
    rows.push([
      shortDate(v.start),
      `${timeOf(v.start)}—${timeOf(v.end)}`,
      String(minutesBetween(v.start, v.end)),
      data.staff.get(v.staff)?.name ?? v.staff,
      v.items.map(data.itemName).join('、'),
    ]);
  }
  return rows;
}

/**
 * A person's block: kept on one page when it fits; a longer one (many visits) keeps its heading, amounts
 * and first visit together, and each page it continues on starts with the heading （续） and the
 * visits' column header.
 */
function personTable(data: PackageData, n: Numbered): FormBlock {
  const l = n.line;
  const home = l.mode === 'home';
  const rows = [headerRow(n), ...amountRows(l), ...(home ? homeRows(data, l) : institutionalRows(l))];
  const cont = home ? [headerRow(n, true), VISIT_HEAD] : [headerRow(n, true)];
  // the amounts (2 rows), the summary, the visits' header and the first visit
  const keepWith = home ? Math.min(5, rows.length - 1) : rows.length - 1;
  return { k: 'table', widths: WIDTHS, headerRows: 1, keepWithHeaderRows: keepWith, columns: VISIT_COLUMNS, rows, size: 8.5, mb: 8, keep: true, cont };
}

export function personalPdf(data: PackageData, people: readonly Numbered[], meta: Omit<DocMeta, 'title'>): FormSpec {
  const doc: DocMeta = { ...meta, title: PERSONAL_TITLE };
  const blocks: FormBlock[] = [
    ...formTitle(doc, '身份证号已按个人信息保护要求部分隐藏；完整号码见申报工作簿的“明细”表，序号一致。'),
    ...people.map((n) => personTable(data, n)),
  ];
  if (people.length === 0) blocks.push({ k: 'p', runs: [{ t: '本月没有结算明细。' }], size: 8.5 });
  const place = { split: Boolean(meta.part), last: isLastPart(people, data.lines) };
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
