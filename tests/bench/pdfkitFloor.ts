/**
 * The floor for the package's PDFs: bare pdfkit (the library pdfmake lays out with) drawing the same
 * tables on one core: the same rows as 个人结算明细, 床日统计表 and 上门服务记录明细, in the same font
 * and size, on the same A4 pages (landscape for the visit list), as plain text at fixed positions
 * with one rule under each row, a shaded person header and a page footer. No measuring, wrapping,
 * table layout or page-break logic: what is left is text shaping, font subsetting and PDF writing.
 */
import { createRequire } from 'node:module';
import { ISSUE_TITLES } from '../../shared/claims/issueCodes';
import { datesOfMonth } from '../../shared/domain/dates';
import { minutesBetween } from '../../shared/domain/dates';
import { maskIdNumber } from '../../shared/domain/ids';
import { formatYuan } from '../../shared/domain/money';
import type { PdfFonts } from '../../electron/services/documents/fonts';
import { dayRanges, levelLabel, modeLabel, shortDate, timeOf } from '../../electron/services/documents/format';
import { homeEvidence, institutionalEvidence, type PackageData } from '../../electron/services/documents/packageData';
import { visitClients } from '../../electron/services/documents/visitsPdf';

/** The little of pdfkit's API used here, as it is called here (file paths, no options objects). */
interface PdfKitDoc {
  registerFont(name: string, file: string, family?: string): this;
  font(name: string): this;
  fontSize(size: number): this;
  text(text: string, x: number, y: number, options?: { lineBreak?: boolean }): this;
  moveTo(x: number, y: number): this;
  lineTo(x: number, y: number): this;
  lineWidth(w: number): this;
  stroke(color?: string): this;
  rect(x: number, y: number, w: number, h: number): this;
  fill(color: string): this;
  fillColor(color: string): this;
  addPage(options?: { size?: string; layout?: string; margin?: number }): this;
  on(event: 'data', f: (chunk: Buffer) => void): this;
  on(event: 'end', f: () => void): this;
  end(): void;
}
type PdfKitCtor = new (options: Record<string, unknown>) => PdfKitDoc;

/** pdfkit, required as the app requires it (electron/services/documents/pdfkitInternals.ts). */
function loadPdfKit(): PdfKitCtor {
  return createRequire(import.meta.url)('pdfkit') as PdfKitCtor;
}

type Row = { cells: string[]; header?: boolean; bold?: boolean };
interface Table {
  /** x offsets of the columns, from the left margin */
  cols: number[];
  rows: Row[];
}
interface DocSpec {
  name: string;
  layout: 'portrait' | 'landscape';
  tables: Table[];
}

const MARGIN = { left: 36, top: 36, right: 36, bottom: 40 };
const SIZE = { portrait: [595.28, 841.89], landscape: [841.89, 595.28] } as const;
/** 8.5 pt, line height 1.15, 2 pt padding above and below: the pdfmake grid's row. */
const ROW = 8.5 * 1.15 + 4;
const FONT_SIZE = 8.5;

function personalTables(data: PackageData): Table[] {
  const cols = [0, 52, 122, 172, 244, 384];
  return data.lines.map(({ no, line: l }): Table => {
    const rows: Row[] = [
      {
        cells: [
          `${no}\u3000${l.name}\u3000\u3000身份证号 ${maskIdNumber(l.idNumber)}\u3000\u3000${modeLabel(l.mode)}\u3000\u3000失能等级 ${levelLabel(l.level)}`,
        ],
        bold: true,
      },
      { cells: ['床日', '服务分钟', '服务次数', '费用合计（元）', '基金支付（元）', '个人负担（元）'], header: true },
      {
        cells: [
          l.mode === 'home' ? '—' : String(l.billableDays),
          l.mode === 'home' ? String(l.coveredMinutes) : '—',
          l.mode === 'home' ? String(l.visits ?? 0) : '—',
          formatYuan(l.feeFen),
          formatYuan(l.fundFen),
          formatYuan(l.personalFen),
        ],
      },
    ];
    if (l.mode === 'home') {
      const e = homeEvidence(l);
      const visits = new Map((data.monthVisits.get(l.resident) ?? []).map((v) => [v.ref, v]));
      rows.push({
        cells: [
          `有效服务 ${e.validMinutes} 分钟，结算 ${l.coveredMinutes} 分钟；计入 ${e.counted.length} 次，超出限额 ${e.overQuota.length} 次，不计入 ${e.excluded.length} 次`,
        ],
      });
      if (e.counted.length > 0) rows.push({ cells: ['日期', '时间', '分钟', '护理人员', '服务项目'], header: true });
      for (const ref of e.counted) {
        const v = visits.get(ref);
        if (!v) continue;
        rows.push({
          cells: [
            shortDate(v.start),
            `${timeOf(v.start)}—${timeOf(v.end)}`,
            String(minutesBetween(v.start, v.end)),
            data.staff.get(v.staff)?.name ?? v.staff,
            v.items.map(data.itemName).join('、'),
          ],
        });
      }
    } else {
      const e = institutionalEvidence(l);
      rows.push({ cells: [`计费床日 ${e.billable.length} 天`, '', dayRanges(e.billable)] });
      rows.push({ cells: [`住院 ${e.hospital.length} 天（不计费）`, '', dayRanges(e.hospital)] });
      rows.push({ cells: [`请假 ${e.leave.length} 天`, '', dayRanges(e.leave)] });
    }
    return { cols, rows };
  });
}

function visitTables(data: PackageData): Table[] {
  const widths = [24, 36, 52, 62, 28, 0, 44, 150];
  const usable = SIZE.landscape[0] - MARGIN.left - MARGIN.right;
  widths[5] = usable - widths.reduce((a, b) => a + b, 0);
  const cols = widths.map((_, i) => widths.slice(0, i).reduce((a, b) => a + b, 0));
  return visitClients(data).map((c): Table => {
    const rows: Row[] = [
      {
        cells: [`${c.no ?? '—'}\u3000${c.resident.name}\u3000\u3000身份证号 ${maskIdNumber(c.resident.idNumber)}\u3000\u3000本月上门 ${c.visits.length} 次`],
        bold: true,
      },
      { cells: ['序号', '日期', '护理人员', '开始—结束', '分钟', '服务项目', '签字确认', '结算'], header: true },
    ];
    c.visits.forEach((v, i) => {
      const outcome = data.outcomes.get(v.ref) ?? 'unclaimed';
      const titles = [...new Set((data.visitIssues.get(v.ref) ?? []).map((x) => ISSUE_TITLES[x.code]))].join('、');
      rows.push({
        cells: [
          String(i + 1),
          shortDate(v.start),
          data.staff.get(v.staff)?.name ?? v.staff,
          `${timeOf(v.start)}—${timeOf(v.end)}`,
          String(minutesBetween(v.start, v.end)),
          v.items.map(data.itemName).join('、'),
          v.confirmed ? '已确认' : '未确认',
          outcome === 'counted' ? '计入' : `不计入：${titles}`,
        ],
      });
    });
    return { cols, rows };
  });
}

/** Each person's calendar as rows of seven cells (day number and status), two people side by side as in the PDF. */
function bedDayTables(data: PackageData): Table[] {
  const people = data.lines.filter((n) => n.line.mode === 'institutional');
  const dates = datesOfMonth(data.claim.month);
  const half = (SIZE.portrait[0] - MARGIN.left - MARGIN.right - 14) / 2;
  const cell = half / 7;
  const cols = [...Array.from({ length: 7 }, (_, i) => i * cell), ...Array.from({ length: 7 }, (_, i) => half + 14 + i * cell)];
  const tables: Table[] = [];
  for (let i = 0; i < people.length; i += 2) {
    const pair = people.slice(i, i + 2).map(({ no, line }) => {
      const e = institutionalEvidence(line);
      const billable = new Set(e.billable);
      const hospital = new Set(e.hospital);
      const text = dates.map((d) => `${Number(d.slice(8, 10))} ${hospital.has(d) ? '住院' : billable.has(d) ? '在院 ✓' : '—'}`);
      return {
        head: [
          `${no}\u3000${line.name}\u3000${maskIdNumber(line.idNumber)}`,
          `${levelLabel(line.level)}`,
          `在院 ${e.present.length} 天\u3000住院 ${e.hospital.length} 天\u3000计费 ${e.billable.length} 天`,
        ],
        text,
      };
    });
    const rows: Row[] = [];
    for (let k = 0; k < 3; k++)
      rows.push({ cells: pair.flatMap((p, j) => [p.head[k] ?? '', ...Array.from({ length: j === 0 && pair.length > 1 ? 6 : 0 }, () => '')]), bold: k === 0 });
    rows.push({ cells: pair.flatMap(() => ['一', '二', '三', '四', '五', '六', '日']), header: true });
    for (let w = 0; w < 5; w++) rows.push({ cells: pair.flatMap((p) => Array.from({ length: 7 }, (_, d) => p.text[w * 7 + d] ?? '')) });
    tables.push({ cols, rows });
  }
  return tables;
}

/** The documents of the package the floor draws, from the same package data the real PDFs use. */
export function floorDocuments(data: PackageData): DocSpec[] {
  return [
    { name: '个人结算明细', layout: 'portrait', tables: personalTables(data) },
    { name: '床日统计表', layout: 'portrait', tables: bedDayTables(data) },
    { name: '上门服务记录明细', layout: 'landscape', tables: visitTables(data) },
  ];
}

/** Draws one document; resolves to its pages and bytes. */
function drawDocument(PDFDocument: PdfKitCtor, fonts: PdfFonts, spec: DocSpec): Promise<{ pages: number; bytes: number }> {
  const [width, height] = SIZE[spec.layout];
  const doc = new PDFDocument({ size: 'A4', layout: spec.layout, margin: 0, autoFirstPage: false, compress: true, info: { Title: spec.name } });
  doc.registerFont('r', fonts.regular.file, fonts.regular.postscriptName);
  doc.registerFont('b', fonts.bold.file, fonts.bold.postscriptName);
  let bytes = 0;
  const done = new Promise<{ pages: number; bytes: number }>((resolve) => doc.on('end', () => resolve({ pages, bytes })));
  doc.on('data', (chunk) => (bytes += chunk.length));

  let pages = 0;
  let y = 0;
  const right = width - MARGIN.right;
  const bottom = height - MARGIN.bottom;
  const newPage = () => {
    if (pages > 0) footer();
    doc.addPage({ size: 'A4', layout: spec.layout, margin: 0 });
    pages++;
    y = MARGIN.top;
    if (pages === 1) {
      doc.font('b').fontSize(16).text(`长期护理保险${spec.name}`, MARGIN.left, y, { lineBreak: false });
      y += 30;
    }
  };
  const footer = () => {
    doc
      .font('r')
      .fontSize(7.5)
      .fillColor('#444444')
      .text(`${spec.name} · 第 ${pages} 页`, MARGIN.left, height - MARGIN.bottom + 12, { lineBreak: false });
    doc.fillColor('#000000');
  };

  newPage();
  for (const table of spec.tables) {
    // A person's table starts on a new page when its first rows do not fit (keepWithHeaderRows).
    if (y + ROW * Math.min(4, table.rows.length) > bottom) newPage();
    for (const row of table.rows) {
      if (y + ROW > bottom) newPage();
      if (row.header || row.bold) {
        doc.rect(MARGIN.left, y, right - MARGIN.left, ROW).fill(row.header ? '#f2f2f2' : '#e4e4e4');
        doc.fillColor('#000000');
      }
      doc.font(row.header || row.bold ? 'b' : 'r').fontSize(FONT_SIZE);
      row.cells.forEach((text, i) => {
        if (text) doc.text(text, MARGIN.left + (table.cols[i] ?? 0) + 3, y + 2, { lineBreak: false });
      });
      y += ROW;
      doc.moveTo(MARGIN.left, y).lineTo(right, y).lineWidth(0.5).stroke('#444444');
    }
    y += 8;
  }
  footer();
  doc.end();
  return done;
}

/** Draws every floor document in turn on this thread; pages, bytes and seconds. */
export async function pdfkitFloor(data: PackageData, fonts: PdfFonts): Promise<{ pages: number; bytes: number; seconds: number }> {
  const PDFDocument = loadPdfKit();
  const docs = floorDocuments(data);
  const t = performance.now();
  let pages = 0;
  let bytes = 0;
  for (const d of docs) {
    const r = await drawDocument(PDFDocument, fonts, d);
    pages += r.pages;
    bytes += r.bytes;
  }
  return { pages, bytes, seconds: (performance.now() - t) / 1000 };
}
