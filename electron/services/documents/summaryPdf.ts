/**
 * 结算申报汇总表: the one page the institution signs and seals, stating only what is claimed: the
 * institution (with its address, phone and bank where set), totals by care mode with the fee and the
 * fund's share in words (大写), one line counting the records not claimed (the institution's own list of
 * problems is 问题清单.pdf, not uploaded), the month's unit rates (summaryRates.ts), who submitted it when
 * under which number, the declaration, and boxes for the signatures and the seal. No English word and no
 * internal code is printed (not the pack's id, not an issue code).
 */
import type { Column, Content, TableCell } from 'pdfmake/interfaces';
import { totalsOf } from '../../../shared/claims/computeClaim';
import type { ClaimTotals } from '../../../shared/claims/types';
import { formatYuan } from '../../../shared/domain/money';
import type { CareMode } from '../../../shared/domain/model';
import type { Submission } from '../claims/packageTypes';
import { dateLabel, modeLabel, monthLabel } from './format';
import { unclaimedRecords } from './issueList';
import type { PackageData } from './packageData';
import { cell, DRAFT_MARK, GAP2, kindLabel, pdfDocument, spanned, titleBlock, type DocMeta } from './pdfBase';
import type { PdfSpec } from './pdfJob';
import { ratesContent } from './summaryRates';
import { TABLE } from './tableLayouts';
import { yuanInWords } from './yuanWords';

export const SUMMARY_TITLE = '结算申报汇总表';

const DECLARATION =
  '本机构承诺：以上申报的床日、上门服务记录及费用真实、准确、完整，与实际提供的服务一致，相关原始记录已按规定留存备查；如有虚报、冒领，愿承担相应责任。';

const th = (text: string) => cell(text, { style: 'th' });
const num = (value: string | number, bold = false) => cell(String(value), { style: 'num', bold });
const label = (text: string) => cell(text, { bold: true, fillColor: '#f2f2f2' });

function totalsCells(name: string, r: ClaimTotals, bold = false): TableCell[] {
  return [
    cell(name, { bold }),
    num(r.persons, bold),
    num(r.billableDays, bold),
    num(r.coveredMinutes, bold),
    num(r.visits, bold),
    num(formatYuan(r.feeFen), bold),
    num(formatYuan(r.fundFen), bold),
    num(formatYuan(r.personalFen), bold),
  ];
}

/** 申报序号: 0 for the month's claim, n for its n-th 补报. */
const seqLabel = (seq: number) => (seq === 0 ? '0（正常申报）' : `${seq}（第 ${seq} 次补报）`);

/** 2026-11-05T09:30:00.000+08:00 → 2026年11月5日 09:30 (the institution's own clock, as stored) */
const timeLabel = (at: string) => `${dateLabel(at.slice(0, 10))} ${at.slice(11, 16)}`;

function institutionTable(data: PackageData): Content {
  const c = data.claim;
  const inst = data.institution;
  const s = data.settings;
  // the pack's title and version; its id (ningbo-2022) is the program's, not the agency's
  const policy = `${data.policyTitle ?? '长期护理保险政策'}（版本 ${c.policy.version}）`;
  // a pair of optional fields on one row (the page must keep room for the signatures): both, one across, or none
  const pair = (a: [string, string | undefined], b: [string, string | undefined]): TableCell[][] => {
    const [x, y] = [a[1]?.trim(), b[1]?.trim()];
    if (x && y) return [[label(a[0]), x, label(b[0]), y]];
    if (x || y) return [[label(x ? a[0] : b[0]), { text: x || y || '', colSpan: 3 }, {}, {}]];
    return [];
  };
  return {
    table: {
      widths: [80, '*', 80, '*'],
      body: [
        [label('机构名称'), { text: inst.name, colSpan: 3 }, {}, {}],
        [label('统一社会信用代码'), inst.uscc, label('定点机构编码'), inst.agencyCode],
        ...pair(['机构地址', s.address], ['联系电话', s.phone]),
        ...pair(['开户银行', s.bankName], ['银行账号', s.bankAccount]),
        [label('结算月份'), monthLabel(c.month), label('申报类型'), kindLabel(c.kind)],
        [label('政策'), { text: policy, colSpan: 3 }, {}, {}],
      ],
    },
    layout: TABLE.form,
  };
}

function totalsTable(data: PackageData): Content {
  const modes: CareMode[] = ['institutional', 'home'];
  const t = data.claim.totals;
  const body: TableCell[][] = [
    [th('护理方式'), th('人数'), th('床日'), th('服务分钟'), th('服务次数'), th('费用合计（元）'), th('基金支付（元）'), th('个人负担（元）')],
    ...modes.map((m) => totalsCells(modeLabel(m), totalsOf(data.claim.lines.filter((l) => l.mode === m)))),
    totalsCells('合计', t, true),
  ];
  return { table: { headerRows: 1, widths: [52, 34, 34, 56, 42, '*', '*', '*'], body }, layout: TABLE.grid };
}

/** The amounts in words (大写), as the forms in use write them, and the one line about what was left out. */
function wordsContent(data: PackageData): Content[] {
  const t = data.claim.totals;
  const words = (name: string, fen: number): Content => ({
    margin: [0, 3, 0, 0],
    text: [{ text: `${name}（大写）：`, bold: true }, `人民币${yuanInWords(fen)}（¥${formatYuan(fen)}）`],
  });
  const left = unclaimedRecords(data.claim.issues);
  return [
    words('费用合计', t.feeFen),
    words('基金支付合计', t.fundFen),
    ...(left > 0 ? [{ text: `未计入本次申报的记录 ${left} 条（原因见明细）`, margin: [0, 3, 0, 0] } as Content] : []),
  ];
}

/** 申报人, 申报时间, 申报序号 of a submitted claim (a draft says that it is one), and the date printed. */
function submissionContent(submission: Submission | undefined, generatedOn: string): Content {
  const filled: Column = { text: `填报日期：${dateLabel(generatedOn)}`, width: 'auto' };
  if (!submission) {
    return { margin: [0, 4, 0, 4], columns: [{ text: `${DRAFT_MARK}：本表为申报前的核对稿，不能作为申报材料。`, bold: true }, filled] };
  }
  const who: Content = {
    text: [
      { text: '申报人：', bold: true },
      submission.by,
      GAP2,
      { text: '申报时间：', bold: true },
      timeLabel(submission.at),
      GAP2,
      { text: '申报序号：', bold: true },
      seqLabel(submission.seq),
    ],
  };
  return { margin: [0, 4, 0, 4], columns: [who, filled] };
}

function signatureBoxes(data: PackageData): Content[] {
  const titles = ['经办人签字', '机构负责人签字', `机构盖章（${data.institution.name}）`];
  return [
    {
      table: {
        widths: ['*', '*', '*'],
        heights: [14, 42, 14],
        body: [
          titles.map((t) => cell(t, { bold: true })),
          spanned(3),
          titles.map(() => cell('日期：　　　　年　　月　　日', { alignment: 'right', fontSize: 8 })),
        ],
      },
      layout: TABLE.boxes,
      unbreakable: true,
    },
  ];
}

// tighter than the other documents' headings: the whole form, signatures included, is one page
const heading = (text: string): Content => ({ text, style: 'h2', margin: [0, 5, 0, 3] });

export function summaryPdf(data: PackageData, meta: Omit<DocMeta, 'title'>, submission?: Submission): PdfSpec {
  const content: Content[] = [
    ...titleBlock({ ...meta, title: SUMMARY_TITLE }),
    heading('一、机构信息'),
    institutionTable(data),
    heading('二、结算汇总'),
    totalsTable(data),
    ...wordsContent(data),
    heading('三、本月支付标准'),
    ...ratesContent(data),
    heading('四、申报声明'),
    { text: DECLARATION },
    submissionContent(submission, meta.generatedOn),
    ...signatureBoxes(data),
  ];
  return pdfDocument({ ...meta, title: SUMMARY_TITLE }, content);
}
