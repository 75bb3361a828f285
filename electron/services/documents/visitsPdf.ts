/**
 * 上门服务记录明细: every home visit of the month per client: date, caregiver, start–end, minutes,
 * items, confirmation, and whether the claim counted it or why not (the issue titles). It lists the
 * month's records, not only the counted visits, so the exclusions are on paper too. Landscape:
 * item names need the width.
 */
import type { Content, TableCell } from 'pdfmake/interfaces';
import { ISSUE_TITLES } from '../../../shared/claims/issueCodes';
import type { ClaimLine } from '../../../shared/claims/types';
import { minutesBetween } from '../../../shared/domain/dates';
import { maskIdNumber } from '../../../shared/domain/ids';
import type { Resident, Visit } from '../../../shared/domain/model';
import { levelLabel, shortDate, timeOf } from './format';
import { homeEvidence, type PackageData } from './packageData';
import { cell, type DocMeta, GAP, GAP2, pdfDocument, spanned, TABLE, type TextCell, titleBlock } from './pdfBase';
import type { PdfSpec } from './renderPool';

export const VISITS_TITLE = '上门服务记录明细';

/** A client with visits in the month; `no` is the claim's 序号 when the client has a home line. */
export interface VisitClient {
  resident: Resident;
  no: number | null;
  line: ClaimLine | null;
  visits: Visit[];
}

const COLS = 8;
const th = (text: string) => cell(text, { style: 'th', fillColor: '#f2f2f2' });

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

function outcomeText(data: PackageData, v: Visit): TextCell {
  const outcome = data.outcomes.get(v.ref) ?? 'unclaimed';
  const titles = [...new Set((data.visitIssues.get(v.ref) ?? []).filter((i) => i.code !== 'OVER_QUOTA').map((i) => ISSUE_TITLES[i.code]))];
  switch (outcome) {
    case 'counted':
      return { text: '计入' };
    case 'overQuota':
      return { text: `${ISSUE_TITLES.OVER_QUOTA}，不结算` };
    case 'excluded':
      return { text: `不计入：${titles.join('、') || '见结算问题'}`, bold: true };
    default:
      return { text: `本次未申报${titles.length > 0 ? `：${titles.join('、')}` : ''}` };
  }
}

function clientHeader(data: PackageData, c: VisitClient): TableCell[] {
  const line = c.line;
  const e = line ? homeEvidence(line) : null;
  const level = line ? `${GAP}${levelLabel(line.level)}` : '';
  const facts = e
    ? `本月上门 ${c.visits.length} 次；计入 ${e.counted.length} 次，有效 ${e.validMinutes} 分钟，结算 ${line?.coveredMinutes ?? 0} 分钟；超出限额 ${e.overQuota.length} 次；不计入 ${e.excluded.length} 次`
    : `本月上门 ${c.visits.length} 次；本次无结算`;
  return [
    cell([{ text: `${c.no ?? '—'}${GAP}${c.resident.name}`, bold: true, fontSize: 9.5 }, `${GAP2}身份证号 ${maskIdNumber(c.resident.idNumber)}${level}${GAP2}${facts}`], {
      colSpan: COLS,
      fillColor: '#e4e4e4',
    }),
    ...spanned(COLS - 1),
  ];
}

function clientTable(data: PackageData, c: VisitClient): Content {
  const body: TableCell[][] = [
    clientHeader(data, c),
    [th('序号'), th('日期'), th('护理人员'), th('开始—结束'), th('分钟'), th('服务项目'), th('签字确认'), th('结算')],
  ];
  c.visits.forEach((v, i) => {
    body.push([
      cell(String(i + 1), { style: 'center' }),
      cell(shortDate(v.start), { style: 'center' }),
      cell(data.staff.get(v.staff)?.name ?? v.staff),
      cell(`${timeOf(v.start)}—${timeOf(v.end)}`, { style: 'center' }),
      cell(String(minutesBetween(v.start, v.end)), { style: 'center' }),
      cell(v.items.map(data.itemName).join('、')),
      cell(v.confirmed ? '已确认' : '未确认', { style: 'center' }),
      outcomeText(data, v),
    ]);
  });
  return {
    table: { headerRows: 2, keepWithHeaderRows: 1, dontBreakRows: true, widths: [24, 36, 52, 62, 28, '*', 44, 150], body },
    layout: TABLE.grid,
    margin: [0, 0, 0, 8],
  };
}

export function visitsPdf(data: PackageData, clients: readonly VisitClient[], meta: Omit<DocMeta, 'title' | 'orientation'>): PdfSpec {
  const content: Content[] = [
    ...titleBlock({ ...meta, title: VISITS_TITLE }),
    {
      text: '“结算”一栏：计入 — 计入本次结算；超出限额 — 有效但超出政策限额，不结算；不计入 — 有错误或未签字确认，原因见问题名称。身份证号已部分隐藏；序号与申报工作簿一致。',
      style: 'note',
      margin: [0, 0, 0, 6],
    },
    ...clients.map((c) => clientTable(data, c)),
  ];
  if (clients.length === 0) content.push({ text: '本月没有上门服务记录。' });
  return pdfDocument({ ...meta, title: VISITS_TITLE, orientation: 'landscape' }, content);
}
