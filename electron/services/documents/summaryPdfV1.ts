/**
 * 结算申报汇总表 as packages of format 1 printed it (before issue 11: the issues still open on the signed
 * page, the pack's id): kept, unchanged, only so that a package submitted then still regenerates byte
 * for byte (校验, packageFormat in buildPackage.ts). New packages use summaryPdf.ts. Never edit this file.
 */
import type { Content, TableCell } from 'pdfmake/interfaces';
import { SEVERITY_TITLES } from '../../../shared/claims/issueCodes';
import type { ClaimLine } from '../../../shared/claims/types';
import { formatYuan } from '../../../shared/domain/money';
import type { CareMode } from '../../../shared/domain/model';
import { dateLabel, modeLabel, monthLabel } from './format';
import { issueSummary, type PackageData } from './packageData';
import { cell, kindLabel, pdfDocument, spanned, titleBlock, type DocMeta } from './pdfBase';
import type { PdfSpec } from './pdfJob';
import { TABLE } from './tableLayouts';
import { SUMMARY_TITLE } from './summaryPdf';
import { yuanInWords } from './yuanWords';

const DECLARATION =
  '本机构承诺：以上申报的床日、上门服务记录及费用真实、准确、完整，与实际提供的服务一致，相关原始记录已按规定留存备查；如有虚报、冒领，愿承担相应责任。';

const th = (text: string) => cell(text, { style: 'th' });
const num = (value: string | number, bold = false) => cell(String(value), { style: 'num', bold });
const label = (text: string) => cell(text, { bold: true, fillColor: '#f2f2f2' });

interface Row {
  persons: number;
  billableDays: number;
  coveredMinutes: number;
  visits: number;
  feeFen: number;
  fundFen: number;
  personalFen: number;
}

function rowOf(lines: readonly ClaimLine[]): Row {
  return {
    persons: new Set(lines.map((l) => l.idNumber)).size,
    billableDays: lines.reduce((s, l) => s + l.billableDays, 0),
    coveredMinutes: lines.reduce((s, l) => s + l.coveredMinutes, 0),
    visits: lines.reduce((s, l) => s + (l.visits ?? 0), 0),
    feeFen: lines.reduce((s, l) => s + l.feeFen, 0),
    fundFen: lines.reduce((s, l) => s + l.fundFen, 0),
    personalFen: lines.reduce((s, l) => s + l.personalFen, 0),
  };
}

function totalsCells(name: string, r: Row, bold = false): TableCell[] {
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

function institutionTable(data: PackageData): Content {
  const c = data.claim;
  const inst = data.institution;
  const policy = data.policyTitle ? `${data.policyTitle}（${c.policy.id}，版本 ${c.policy.version}）` : `${c.policy.id}（版本 ${c.policy.version}）`;
  return {
    table: {
      widths: [80, '*', 80, '*'],
      body: [
        [label('机构名称'), { text: inst.name, colSpan: 3 }, {}, {}],
        [label('统一社会信用代码'), inst.uscc, label('定点机构编码'), inst.agencyCode],
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
    ...modes.map((m) => totalsCells(modeLabel(m), rowOf(data.claim.lines.filter((l) => l.mode === m)))),
    totalsCells('合计', t, true),
  ];
  return { table: { headerRows: 1, widths: [52, 34, 34, 56, 42, '*', '*', '*'], body }, layout: TABLE.grid };
}

function issuesContent(data: PackageData): Content[] {
  const rows = issueSummary(data.claim.issues);
  if (rows.length === 0) return [{ text: '本月结算没有待处理的问题。' }];
  const count = (s: 'error' | 'warning' | 'info') => rows.filter((r) => r.severity === s).reduce((n, r) => n + r.count, 0);
  return [
    { text: `错误 ${count('error')} 条，警告 ${count('warning')} 条，提示 ${count('info')} 条。有错误的床日或服务未计入本次结算。`, margin: [0, 0, 0, 4] },
    {
      table: {
        headerRows: 1,
        widths: ['*', 50, 50, 60],
        body: [
          [th('问题'), th('级别'), th('条数'), th('涉及人数')],
          ...rows.map((r): TableCell[] => [`${r.title}（${r.code}）`, { text: SEVERITY_TITLES[r.severity], style: 'center' }, num(r.count), num(r.persons)]),
        ],
      },
      layout: TABLE.grid,
    },
  ];
}

function signatureBoxes(data: PackageData, generatedOn: string): Content[] {
  const titles = ['经办人签字', '机构负责人签字', `机构盖章（${data.institution.name}）`];
  return [
    { text: `填报日期：${dateLabel(generatedOn)}`, margin: [0, 10, 0, 6] },
    {
      table: {
        widths: ['*', '*', '*'],
        heights: [14, 56, 14],
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

export function summaryPdfV1(data: PackageData, meta: Omit<DocMeta, 'title'>): PdfSpec {
  const fund = data.claim.totals.fundFen;
  const content: Content[] = [
    ...titleBlock({ ...meta, title: SUMMARY_TITLE }),
    { text: '一、机构信息', style: 'h2' },
    institutionTable(data),
    { text: '二、结算汇总', style: 'h2' },
    totalsTable(data),
    {
      margin: [0, 4, 0, 0],
      text: [{ text: '基金支付合计（大写）：', bold: true }, `人民币${yuanInWords(fund)}（¥${formatYuan(fund)}）`],
    },
    { text: '三、待处理问题', style: 'h2' },
    ...issuesContent(data),
    { text: '四、申报声明', style: 'h2' },
    { text: DECLARATION },
    ...signatureBoxes(data, meta.generatedOn),
  ];
  return pdfDocument({ ...meta, title: SUMMARY_TITLE }, content);
}
