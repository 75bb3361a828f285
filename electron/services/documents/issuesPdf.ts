/**
 * 问题清单: the institution's own list of what the month's checks found (errors, warnings, notes), for
 * fixing records before the next 申报 or 补报. It goes with the package for the institution only: it is
 * not uploaded (the manifest marks it `upload: false`), and the signed summary keeps of it one line,
 * the number of records not claimed. In the institution's words: each problem's Chinese name, the person,
 * the day or the visit's time, and the message saying how to fix it, with no code and no record ref.
 */
import { SEVERITY_TITLES } from '../../../shared/claims/issueCodes';
import { ISSUES_FILE_TITLE } from '../../../shared/claims/packageFiles';
import { ISSUE_TITLES } from '../../../shared/claims/issueCodes';
import { contentWidth, fcell, fillWidths, formDocument, formTitle, type FormBlock, type FormCell, type FormSpec, type PlainRow } from './formSpec';
import { issueWho, issueWhen, plainMessage, unclaimedRecords } from './issueList';
import { issueSummary, type PackageData } from './packageData';
import type { DocMeta } from './pdfBase';

export const ISSUES_TITLE = ISSUES_FILE_TITLE;

const NOTE = '本清单供机构内部核对使用，不属于申报材料，不上传经办机构。错误和警告所涉及的床日或服务未计入本次申报，请按说明更正记录后重新计算，或在下次补报。';

const th = (text: string): FormCell => fcell(text, { bold: true, align: 'center', fill: '#f2f2f2' });
const ORDER = { error: 0, warning: 1, info: 2 } as const;

function countsTable(data: PackageData): FormBlock {
  const rows = issueSummary(data.claim.issues);
  return {
    k: 'table',
    widths: fillWidths(['*', 60, 60, 70], contentWidth(false)),
    headerRows: 1,
    keepWithHeaderRows: 1,
    columns: [{}, { align: 'center' }, { align: 'right' }, { align: 'right' }],
    rows: [
      { cells: ['问题', '级别', '条数', '涉及人数'].map(th) },
      ...rows.map((r): PlainRow => [r.title, SEVERITY_TITLES[r.severity], String(r.count), String(r.persons)]),
    ],
    size: 8.5,
    mb: 10,
  };
}

function detailTable(data: PackageData): FormBlock {
  const issues = data.claim.issues.map((issue, i) => ({ issue, i })).sort((a, b) => ORDER[a.issue.severity] - ORDER[b.issue.severity] || a.i - b.i);
  return {
    k: 'table',
    widths: fillWidths([28, 30, 88, 100, 62, '*'], contentWidth(false)),
    headerRows: 1,
    keepWithHeaderRows: 1,
    columns: [{ align: 'right' }, { align: 'center' }, {}, {}, { align: 'center' }, {}],
    rows: [
      { cells: ['序号', '级别', '问题', '服务对象或员工', '日期', '说明'].map(th) },
      ...issues.map(({ issue }, n): PlainRow => [
        String(n + 1),
        SEVERITY_TITLES[issue.severity],
        ISSUE_TITLES[issue.code],
        issueWho(data, issue),
        issueWhen(data, issue),
        plainMessage(data, issue),
      ]),
    ],
    size: 7.5,
  };
}

export function issuesPdf(data: PackageData, meta: Omit<DocMeta, 'title'>): FormSpec {
  const m: DocMeta = { ...meta, title: ISSUES_TITLE };
  const issues = data.claim.issues;
  const count = (s: 'error' | 'warning' | 'info') => issues.filter((i) => i.severity === s).length;
  const blocks: FormBlock[] = [...formTitle(m, NOTE)];
  if (issues.length === 0) {
    blocks.push({ k: 'p', runs: [{ t: '本月结算没有发现问题。' }], size: 9 });
    return formDocument(m, blocks);
  }
  blocks.push({
    k: 'p',
    runs: [
      { t: `错误 ${count('error')} 条，警告 ${count('warning')} 条，提示 ${count('info')} 条；` },
      { t: `未计入本次申报的记录 ${unclaimedRecords(issues)} 条。`, b: true },
    ],
    size: 9,
    mb: 6,
  });
  blocks.push(countsTable(data), detailTable(data));
  return formDocument(m, blocks);
}
