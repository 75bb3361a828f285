/**
 * 检查资料包: one PDF for the inspectors, with a table of contents and page numbers. Built from the data
 * evidencePack.ts gathers; every date in it comes from the data (never the clock), so the same records,
 * period, sample and generation date give the same bytes (as the claim package). ID numbers are masked
 * (DOMAIN.md 9): inspectors check people against the agency's list, not against this copy.
 */
import type { Content, TableCell } from 'pdfmake/interfaces';
import type { RuleView, SampleRow } from '../../../shared/api/inspection';
import type { Institution } from '../../../shared/domain/model';
import { documentDate } from '../documents/format';
import { GAP, PAGE_MARGINS, PDF_CREATOR, PDF_FONT, cell } from '../documents/pdfBase';
import type { PdfmakeSpec } from '../documents/renderPool';
import { TABLE } from '../documents/tableLayouts';

export interface PackData {
  institution: Institution;
  policyTitle: string;
  from: string;
  to: string;
  generatedOn: string;
  seed: number;
  staff: { name: string; ref: string; idMasked: string; role: string; employed: string; certificates: string[] }[];
  residents: { name: string; ref: string; idMasked: string; modes: string; assessment: string }[];
  sample: { residents: number; days: string[]; pool: number; rows: SampleRow[] };
  rules: RuleView[];
  audit: { total: number; rows: { at: string; actor: string; action: string; entity: string; subject: string }[] };
}

const th = (text: string): TableCell => cell(text, { bold: true, alignment: 'center' });
const table = (widths: (string | number)[], head: string[], rows: TableCell[][]): Content =>
  rows.length === 0
    ? { text: '（无）', style: 'note' }
    : { table: { headerRows: 1, keepWithHeaderRows: 1, dontBreakRows: true, widths, body: [head.map(th), ...rows] }, layout: TABLE.grid };
const section = (text: string, first = false): Content => ({ text, style: 'h1', tocItem: true, ...(first ? {} : { pageBreak: 'before' as const }) });

function facts(d: PackData): Content {
  const i = d.institution;
  const row = (k: string, v: string): TableCell[] => [cell(k, { bold: true, fillColor: '#f2f2f2' }), v];
  return {
    table: {
      widths: [110, '*'],
      body: [
        row('机构名称', i.name),
        row('统一社会信用代码', i.uscc),
        row('定点机构编码', i.agencyCode),
        row('统筹区', i.region),
        row('政策（协议适用）', d.policyTitle),
        row('核定床位数', i.beds === undefined ? '未填写' : String(i.beds)),
        row('检查期间', `${d.from} 至 ${d.to}`),
        row('资料生成日期', d.generatedOn),
      ],
    },
    layout: TABLE.form,
  };
}

function findings(rules: readonly RuleView[]): Content[] {
  const out: Content[] = [];
  for (const r of rules) {
    out.push({ text: `${r.title}`, style: 'h2' });
    if (!r.available) {
      out.push({ text: `暂无数据：${r.why ?? ''}`, style: 'note' });
      continue;
    }
    const notes = r.notes.map((n): Content => ({ text: n, style: 'note' }));
    const rows = r.hits.map((h): TableCell[] => [
      h.date,
      h.reason,
      h.mark ? `已核实（正常）：${h.mark.note}（${h.mark.by}，${h.mark.at.slice(0, 10)}）` : '未核实',
    ]);
    out.push(...notes, r.hits.length === 0 ? { text: '未发现。', style: 'note' } : table([56, '*', 150], ['日期', '发现', '处理'], rows));
  }
  return out;
}

function sampleDays(d: PackData): Content {
  return table(
    [52, 70, 62, 48, '*'],
    ['日期', '服务对象', '记录状态', '床位', '结算'],
    d.sample.rows.map((r): TableCell[] => [r.date, `${r.name}（${r.resident}）`, r.status, r.bed ?? '—', r.claimed]),
  );
}

function sampleVisits(d: PackData): Content {
  const rows = d.sample.rows.flatMap((r) =>
    r.visits.map((v): TableCell[] => [r.date, `${v.time}`, `${r.name}`, v.staff, v.items || '（无）', v.confirmed ? '已签字' : '未签字', v.place]),
  );
  return table([50, 52, 44, 40, '*', 38, 80], ['日期', '时间', '服务对象', '护理人员', '服务项目', '确认', '签到位置'], rows);
}

export function evidencePdf(d: PackData): PdfmakeSpec {
  const when = documentDate(d.generatedOn);
  const title = `长期护理保险检查资料包`;
  const hits = d.rules.reduce((n, r) => n + r.hits.length, 0);
  const verified = d.rules.reduce((n, r) => n + r.hits.filter((h) => h.mark).length, 0);
  const content: Content[] = [
    { text: title, style: 'title' },
    { text: [d.institution.name, `检查期间 ${d.from} 至 ${d.to}`, `生成于 ${d.generatedOn}`].join(GAP), style: 'subtitle' },
    { toc: { title: { text: '目录', style: 'h2' } } },
    section('一、机构与协议信息'),
    facts(d),
    section('二、护理人员名册及证书'),
    { text: `期间内在职的 ${d.staff.length} 名员工，证书有效性按期间末日（${d.to}）判断。`, style: 'note', margin: [0, 0, 0, 4] },
    table(
      [50, 40, 84, 44, 80, '*'],
      ['姓名', '编号', '身份证号', '岗位', '在职', '证书及有效性'],
      d.staff.map((s): TableCell[] => [s.name, s.ref, s.idMasked, s.role, s.employed, s.certificates.join('\n') || '无证书']),
    ),
    section('三、结算服务对象及有效评估'),
    { text: `期间内有结算的 ${d.residents.length} 名服务对象；评估为期间末日有效的结论。`, style: 'note', margin: [0, 0, 0, 4] },
    table(
      [48, 40, 84, 60, '*'],
      ['姓名', '编号', '身份证号', '护理方式', '有效评估'],
      d.residents.map((r): TableCell[] => [r.name, r.ref, r.idMasked, r.modes, r.assessment]),
    ),
    section('四、抽查日在住与结算对照'),
    {
      text: `随机种子 ${d.seed}：从期间内有结算的 ${d.sample.pool} 人中抽取 ${d.sample.residents} 人，抽查日 ${d.sample.days.join('、')}。用同一种子可重复抽取。`,
      style: 'note',
      margin: [0, 0, 0, 4],
    },
    sampleDays(d),
    section('五、抽查服务记录证据'),
    sampleVisits(d),
    section('六、自查发现及处理'),
    { text: `共 ${hits} 条发现，已核实（正常）${verified} 条，未核实 ${hits - verified} 条。`, margin: [0, 0, 0, 4] },
    ...findings(d.rules),
    section('七、审计日志摘录'),
    {
      text:
        d.audit.total > d.audit.rows.length
          ? `期间内共 ${d.audit.total} 条记录，此处列出前 ${d.audit.rows.length} 条；全部记录见软件“审计日志”。`
          : `期间内共 ${d.audit.total} 条记录。`,
      style: 'note',
      margin: [0, 0, 0, 4],
    },
    table(
      [78, 60, 50, 56, '*'],
      ['时间', '操作人', '操作', '对象', '内容'],
      d.audit.rows.map((a): TableCell[] => [a.at, a.actor, a.action, a.entity, a.subject]),
    ),
  ];
  return {
    dd: {
      pageSize: 'A4',
      pageMargins: [...PAGE_MARGINS],
      info: {
        title: `${title}（${d.from} 至 ${d.to}）`,
        author: d.institution.name,
        subject: '长期护理保险检查资料',
        creator: PDF_CREATOR,
        producer: PDF_CREATOR,
        creationDate: when,
        modDate: when,
      },
      defaultStyle: { font: PDF_FONT, fontSize: 8.5, lineHeight: 1.15 },
      styles: {
        title: { fontSize: 16, bold: true, alignment: 'center', margin: [0, 0, 0, 4] },
        subtitle: { fontSize: 9, alignment: 'center', color: '#333333', margin: [0, 0, 0, 12] },
        h1: { fontSize: 12, bold: true, margin: [0, 0, 0, 6] },
        h2: { fontSize: 10, bold: true, margin: [0, 8, 0, 3] },
        note: { fontSize: 7.5, color: '#444444' },
      },
      content,
    },
    footer: {
      left: `${d.institution.name} · 检查资料包 · ${d.from} 至 ${d.to}`,
      right: '第 {page} / {pages} 页',
      margin: [PAGE_MARGINS[0], 12, PAGE_MARGINS[2], 0],
    },
  };
}
