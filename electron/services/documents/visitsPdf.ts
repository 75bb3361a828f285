/**
 * 上门服务记录明细: every home visit of the month per client: date, caregiver, start–end, minutes,
 * items, confirmation, and whether the claim counted it or why not (the issue titles). It lists the
 * month's records, not only the counted visits, so the exclusions are on paper too. Landscape:
 * item names need the width.
 */
import { ISSUE_TITLES } from '../../../shared/claims/issueCodes';
import type { ClaimLine } from '../../../shared/claims/types';
import { minutesBetween } from '../../../shared/domain/dates';
import { maskIdNumber } from '../../../shared/domain/ids';
import type { Resident, Visit } from '../../../shared/domain/model';
import { levelLabel, shortDate, timeOf } from './format';
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
import { homeEvidence, type PackageData } from './packageData';
import { type DocMeta, GAP, GAP2 } from './pdfBase';

export const VISITS_TITLE = '上门服务记录明细';

/** A client with visits in the month; `no` is the claim's 序号 when the client has a home line. */
export interface VisitClient {
  resident: Resident;
  no: number | null;
  line: ClaimLine | null;
  visits: Visit[];
}

const COLS = 8;
const WIDTHS = fillWidths([24, 36, 52, 62, 28, '*', 44, 150], contentWidth(true));
const th = (text: string): FormCell => fcell(text, { bold: true, align: 'center', fill: '#f2f2f2' });
const HEADS = ['序号', '日期', '护理人员', '开始—结束', '分钟', '服务项目', '签字确认', '结算'];
const C: ColumnStyle = { align: 'center' };
const L: ColumnStyle = {};
const COLUMNS: ColumnStyle[] = [C, C, L, C, C, L, C, L];

/** Clients in the records' order (the claim's order), each with the month's visits. */
export function visitClients(data: PackageData): VisitClient[] {
  const home = new Map(data.lines.filter((n) => n.line.mode === 'home').map((n) => [n.line.resident, n]));
  const out: VisitClient[] = [];
  for (const r of data.residents.values()) {
    const visits = data.monthVisits.get(r.ref);
    const n = home.get(r.ref);
    if (visits && visits.length > 0) out.push({ resident: r, no: n?.no ?? null, line: n?.line ?? null, visits });
  }
  return out;
}

export function visitRows(c: VisitClient): number {
  return 2 + c.visits.length;
}

/** The 结算 cell: whether the claim counted the visit, or why not; bold where it was excluded. */
function outcomeText(data: PackageData, v: Visit): { text: string; bold: boolean } {
  const outcome = data.outcomes.get(v.ref) ?? 'unclaimed';
  if (outcome === 'counted') return { text: '计入', bold: false };
  const titles = [...new Set((data.visitIssues.get(v.ref) ?? []).filter((i) => i.code !== 'OVER_QUOTA').map((i) => ISSUE_TITLES[i.code]))];
  switch (outcome) {
    case 'overQuota':
      return { text: `${ISSUE_TITLES.OVER_QUOTA}，不结算`, bold: false };
    case 'excluded':
      return { text: `不计入：${titles.join('、') || '见结算问题'}`, bold: true };
    default:
      return { text: `本次未申报${titles.length > 0 ? `：${titles.join('、')}` : ''}`, bold: false };
  }
}

function clientHeader(c: VisitClient, continued = false): FormRow {
  const line = c.line;
  const e = line ? homeEvidence(line) : null;
  const level = line ? `${GAP}${levelLabel(line.level)}` : '';
  const facts = e
    ? `本月上门 ${c.visits.length} 次；计入 ${e.counted.length} 次，有效 ${e.validMinutes} 分钟，结算 ${line?.coveredMinutes ?? 0} 分钟；超出限额 ${e.overQuota.length} 次；不计入 ${e.excluded.length} 次`
    : `本月上门 ${c.visits.length} 次；本次无结算`;
  const runs = [
    { t: `${c.no ?? '—'}${GAP}${c.resident.name}${continued ? '（续）' : ''}`, b: true, s: 9.5 },
    { t: `${GAP2}身份证号 ${maskIdNumber(c.resident.idNumber)}${level}${GAP2}${facts}` },
  ];
  return { cells: [fcell(runs, { span: COLS, fill: '#e4e4e4' })] };
}

function clientTable(data: PackageData, c: VisitClient): FormBlock {
  const rows: (FormRow | PlainRow)[] = [clientHeader(c), { cells: HEADS.map(th) }];
  c.visits.forEach((v, i) => {
    const outcome = outcomeText(data, v);
    const row = [
      String(i + 1),
      shortDate(v.start),
      data.staff.get(v.staff)?.name ?? v.staff,
      `${timeOf(v.start)}—${timeOf(v.end)}`,
      String(minutesBetween(v.start, v.end)),
      v.items.map(data.itemName).join('、'),
      v.confirmed ? '已确认' : '未确认',
      outcome.text,
    ];
    // the rare bold outcome as a row of cells, the common row as plain strings
    rows.push(outcome.bold ? { cells: row.map((t, k) => fcell(t, { ...COLUMNS[k], bold: k === COLS - 1 })) } : row);
  });
  // kept on one page when it fits; else each page it continues on repeats the heading （续） and the columns' header
  const cont = [clientHeader(c, true), { cells: HEADS.map(th) }];
  return { k: 'table', widths: WIDTHS, headerRows: 2, keepWithHeaderRows: 1, columns: COLUMNS, rows, size: 8.5, mb: 8, keep: true, cont };
}

export function visitsPdf(data: PackageData, clients: readonly VisitClient[], meta: Omit<DocMeta, 'title' | 'orientation'>): FormSpec {
  const doc: DocMeta = { ...meta, title: VISITS_TITLE, orientation: 'landscape' };
  const blocks: FormBlock[] = [
    ...formTitle(
      doc,
      '“结算”一栏：计入 — 计入本次结算；超出限额 — 有效但超出政策限额，不结算；不计入 — 有错误或未签字确认，原因见问题名称。身份证号已部分隐藏；序号与申报工作簿一致。',
    ),
    ...clients.map((c) => clientTable(data, c)),
  ];
  if (clients.length === 0) blocks.push({ k: 'p', runs: [{ t: '本月没有上门服务记录。' }], size: 8.5 });
  const lines = clients.flatMap((c) => (c.line ? [c.line] : []));
  const place = { split: Boolean(meta.part), last: isLastPart(clients, visitClients(data), (c) => c.resident.ref) };
  blocks.push(...closingBlocks(data, lines, doc, place));
  return formDocument(doc, blocks);
}
