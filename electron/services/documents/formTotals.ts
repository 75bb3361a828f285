/**
 * How each attachment (个人结算明细, 床日统计表, 上门服务记录明细) ends: a 合计 table the clerk ticks
 * against the 申报汇总表 (the same rows: 机构护理, 居家护理, 合计, from the same claim), then the lines
 * the institution signs and stamps (制表人, 审核人, 机构盖章). A document in parts carries a 本册小计
 * on each part, its own lines only, and the whole claim's 合计 on the last part (docs/rules.md §8.6).
 */
import { totalsOf } from '../../../shared/claims/computeClaim';
import type { ClaimLine, ClaimTotals } from '../../../shared/claims/types';
import type { CareMode } from '../../../shared/domain/model';
import { formatYuan } from '../../../shared/domain/money';
import { dateLabel, modeLabel } from './format';
import { contentWidth, fcell, fillWidths, type FixedBlock, type FormBlock, type FormCell, type FormRow, type TableBlock } from './formSpec';
import type { PackageData } from './packageData';
import type { DocMeta } from './pdfBase';

type Row = ClaimTotals;

const HEADS = ['项目', '人数', '床日', '服务分钟', '服务次数', '费用合计（元）', '基金支付（元）', '个人负担（元）'];
const th = (t: string): FormCell => fcell(t, { bold: true, align: 'center', fill: '#f2f2f2' });

function totalsRow(name: string, r: Row, bold = false): FormRow {
  const n = (t: string) => fcell(t, { align: 'right', bold });
  return {
    cells: [
      fcell(name, { bold }),
      n(String(r.persons)),
      n(String(r.billableDays)),
      n(String(r.coveredMinutes)),
      n(String(r.visits)),
      n(formatYuan(r.feeFen)),
      n(formatYuan(r.fundFen)),
      n(formatYuan(r.personalFen)),
    ],
  };
}

/** 制表人, 审核人, 机构盖章 on one line with room under the seal; the date the package is dated. */
const SIGN_H = 64;
function signatureBlock(meta: DocMeta, width: number): FixedBlock {
  const third = width / 3;
  const labels = ['制表人：', '审核人：', '机构盖章：'];
  const ops: FixedBlock['ops'] = [{ k: 'text', x: 0, y: 0, size: 8.5, runs: [{ t: `制表日期：${dateLabel(meta.generatedOn)}` }] }];
  labels.forEach((t, i) => {
    const x = i * third;
    ops.push({ k: 'text', x, y: 20, size: 9.5, runs: [{ t, b: true }] });
    ops.push({ k: 'line', x1: x + 52, y1: 33, x2: x + third - 16, y2: 33 });
  });
  return { k: 'fixed', h: SIGN_H, ops, lineWidth: 0.6, lineColor: '#000000' };
}

export interface TotalsPlace {
  /** the document is one part of several */
  split: boolean;
  /** this is the document's last (or only) part: the whole claim's 合计 goes here */
  last: boolean;
}

/**
 * The closing blocks: 本册小计 (of `partLines`) when the document is in parts, the whole claim by mode
 * and its 合计 on the last part, then the signature lines. Kept on one page with the signatures.
 */
export function closingBlocks(data: PackageData, partLines: readonly ClaimLine[], meta: DocMeta, place: TotalsPlace): FormBlock[] {
  const width = contentWidth(meta.orientation === 'landscape');
  const rows: FormRow[] = [{ cells: HEADS.map(th) }];
  if (place.split) rows.push(totalsRow('本册小计', totalsOf(partLines), !place.last));
  if (place.last) {
    const modes: CareMode[] = ['institutional', 'home'];
    for (const m of modes) rows.push(totalsRow(modeLabel(m), totalsOf(data.claim.lines.filter((l) => l.mode === m))));
    rows.push(totalsRow('合计', data.claim.totals, true));
  }
  const note = place.last ? '合计为本月结算申报的全部明细，与《结算申报汇总表》一致。' : '本册小计仅含本册所列人员；全部明细的合计见最后一册。';
  const table: TableBlock = {
    k: 'table',
    widths: fillWidths([64, 40, 40, 52, 52, '*', '*', '*'], width),
    headerRows: 1,
    keepWithHeaderRows: rows.length - 1,
    rows,
    size: 8.5,
    mb: 4,
    keep: true,
    keepNext: 24 + SIGN_H,
  };
  return [table, { k: 'p', runs: [{ t: note }], size: 7.5, color: '#444444', mb: 8 }, signatureBlock(meta, width)];
}

/** Whether a part is its document's last: its last item is the document's last (or it is empty). */
export function isLastPart<T>(part: readonly T[], all: readonly T[], key: (t: T) => unknown = (t) => t): boolean {
  const a = part[part.length - 1];
  const b = all[all.length - 1];
  return a === undefined || b === undefined || key(a) === key(b);
}
