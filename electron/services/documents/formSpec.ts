/**
 * Form documents: the big per-person PDFs (个人结算明细, 床日统计表, 上门服务记录明细) as plain data that
 * the PDF worker lays out and draws with pdfkit directly (formLayout.ts, formDraw.ts), without pdfmake's
 * generic document model. pdfmake spent most of its time resolving styles and measuring nested
 * nodes for what are, here, fixed-width grids of short strings: ~23 pages/s a core against ~150 for
 * bare pdfkit. What stays the same: A4, the embedded Noto Sans SC subset, the title block, tables
 * whose header rows repeat on every page, rows that never split, the footer `第 x / y 页`, and
 * metadata dated from the claim so that regenerating gives the same bytes.
 *
 * Coordinates are PDF points; x from the left margin, y from the top of the block.
 */
import type { Month } from '../../../shared/domain/model';
import { documentDate, monthLabel } from './format';
import { DRAFT_MARK, GAP, kindLabel, PAGE_MARGINS, PDF_CREATOR, type DocMeta } from './pdfBase';
import type { FooterSpec } from './pdfSpec';

/** A piece of text in one font: regular unless `b`; size `s` and colour `c` default to the block's. */
export interface Run {
  t: string;
  b?: boolean;
  s?: number;
  c?: string;
}

export interface FormCell {
  runs: Run[];
  /** columns this cell covers (default 1); the covered columns take no cells of their own */
  span?: number;
  align?: 'left' | 'center' | 'right';
  fill?: string;
}

export interface FormRow {
  cells: FormCell[];
}

/** How a column sets the cells given as plain strings (a `PlainRow`). */
export interface ColumnStyle {
  align?: 'left' | 'center' | 'right';
  bold?: boolean;
}

/**
 * A row of plain text, one string a column (the last string spans the columns left, if any), set
 * as the table's `columns` say. The common row (a
 * visit, a counted visit) goes to the worker as strings only: posting a document copies it, and
 * a cell object per string made that copy cost more than drawing the page.
 */
export type PlainRow = string[];

/** A paragraph across the page width, wrapped. */
export interface ParagraphBlock {
  k: 'p';
  runs: Run[];
  size: number;
  color?: string;
  align?: 'left' | 'center';
  /** space below, pt */
  mb?: number;
}

/**
 * A grid: fixed column widths, rows that never break across pages, the first `headerRows` rows
 * repeated at the top of every page the table continues on and kept with the next
 * `keepWithHeaderRows` rows. Cells wrap their text; the tallest cell sets the row's height.
 */
export interface TableBlock {
  k: 'table';
  widths: number[];
  headerRows: number;
  keepWithHeaderRows: number;
  /** styles of the columns, for plain rows (default: left, regular) */
  columns?: ColumnStyle[];
  rows: (FormRow | PlainRow)[];
  size: number;
  mb?: number;
  /**
   * Never split when the whole table fits on one page: it starts a new page instead (a person's block
   * read across a page break is how a clerk miscounts). Longer tables still start where they are.
   */
  keep?: boolean;
  /** with `keep`, points that must fit on the same page after the table (the signature lines after 合计) */
  keepNext?: number;
  /**
   * The rows drawn at the top of each page the table continues on, in place of the header rows: the
   * person's heading marked （续） and the column header of the rows that continue.
   */
  cont?: FormRow[];
}

export type FixedOp =
  | { k: 'rect'; x: number; y: number; w: number; h: number; fill: string }
  | { k: 'line'; x1: number; y1: number; x2: number; y2: number }
  /** one line of text whose top is at y; with `w`, aligned within [x, x + w] */
  | { k: 'text'; x: number; y: number; w?: number; align?: 'left' | 'center' | 'right'; runs: Run[]; size: number };

/** A drawing of fixed height that is never split: it starts a new page when it does not fit. */
export interface FixedBlock {
  k: 'fixed';
  h: number;
  ops: FixedOp[];
  lineWidth: number;
  lineColor: string;
  mb?: number;
}

export type FormBlock = ParagraphBlock | TableBlock | FixedBlock;

/**
 * A table as posted to the worker: its plain rows as one string (rows apart by U+001E, cells by
 * U+001F), copied at the cost of one string where an array of strings costs one copy each; the
 * other rows by position. The worker unpacks it (unpackRows).
 */
export interface PackedTableBlock extends Omit<TableBlock, 'rows'> {
  count: number;
  plain: string;
  special: [number, FormRow][];
}

const ROW_SEP = '';
const CELL_SEP = '';
const hasSeparator = (t: string) => t.includes(ROW_SEP) || t.includes(CELL_SEP);

export function packTable(t: TableBlock): PackedTableBlock {
  const { rows, ...rest } = t;
  const special: [number, FormRow][] = [];
  const lines = rows.map((row, i): string => {
    if (Array.isArray(row) && !row.some(hasSeparator)) return row.join(CELL_SEP);
    // a row of cells, or (never from our data) a plain row holding a separator
    special.push([i, Array.isArray(row) ? { cells: row.map((x) => fcell(x)) } : row]);
    return '';
  });
  return { ...rest, count: rows.length, plain: lines.join(ROW_SEP), special };
}

/** A packed table's rows again (formLayout.ts): plain rows as arrays of strings, the others as given. */
export function unpackRows(b: PackedTableBlock): (FormRow | PlainRow)[] {
  if (b.count === 0) return [];
  const rows: (FormRow | PlainRow | string)[] = b.plain.split(ROW_SEP);
  for (const [i, row] of b.special) rows[i] = row;
  return rows.map((row) => (typeof row === 'string' ? row.split(CELL_SEP) : row));
}

export interface FormInfo {
  Title: string;
  Author: string;
  Subject: string;
  Creator: string;
  Producer: string;
  CreationDate: Date;
  ModDate: Date;
}

export interface FormDoc {
  landscape: boolean;
  /** line height as a multiple of the font size (LINE_HEIGHT) */
  lineHeight: number;
  /** left, top, right, bottom */
  margins: [number, number, number, number];
  info: FormInfo;
  footer: FooterSpec;
  /** drawn across every page, behind the content (a draft package: DRAFT_MARK) */
  watermark?: string;
  /** tables packed (packTable) */
  blocks: (ParagraphBlock | PackedTableBlock | FixedBlock)[];
}

export interface FormSpec {
  form: FormDoc;
}

/** A4 in points. */
export const A4 = { width: 595.28, height: 841.89 } as const;

/** The width tables can use: the page's less the margins. */
export function contentWidth(landscape: boolean): number {
  return (landscape ? A4.height : A4.width) - PAGE_MARGINS[0] - PAGE_MARGINS[2];
}

/**
 * Line height as a multiple of the font size; a table row is its lines plus 2 pt above and below.
 * The bed-day calendars' fixed geometry (bedDaysPdf.ts) assumes it.
 */
export const LINE_HEIGHT = 1.3;

/** A cell of plain text (bold with `bold`) or of runs. */
export function fcell(text: string | Run[], props: Omit<FormCell, 'runs'> & { bold?: boolean } = {}): FormCell {
  const { bold, ...rest } = props;
  const runs = typeof text === 'string' ? [bold ? { t: text, b: true } : { t: text }] : text;
  return { runs, ...rest };
}

/** Column widths with one flexible column (`'*'`) taking what the fixed ones leave. */
export function fillWidths(widths: readonly (number | '*')[], total: number): number[] {
  const fixed = widths.reduce<number>((s, w) => s + (w === '*' ? 0 : w), 0);
  const stars = widths.filter((w) => w === '*').length;
  return widths.map((w) => (w === '*' ? (total - fixed) / Math.max(1, stars) : w));
}

/** The heading every document opens with (as pdfBase.titleBlock): title, then institution, month and kind. */
export function formTitle(meta: DocMeta, note: string): FormBlock[] {
  const sub = [meta.institution.name, `结算月份：${monthLabel(meta.month)}`, kindLabel(meta.kind)];
  if (meta.part) sub.push(meta.part);
  return [
    { k: 'p', runs: [{ t: `长期护理保险${meta.title}`, b: true }], size: 16, align: 'center', mb: 4 },
    { k: 'p', runs: [{ t: sub.join(GAP) }], size: 9, color: '#333333', align: 'center', mb: 8 },
    { k: 'p', runs: [{ t: note }], size: 7.5, color: '#444444', mb: 6 },
  ];
}

/** The document: metadata from the claim (never the clock), the footer every page carries. */
export function formDocument(meta: DocMeta, blocks: FormBlock[]): FormSpec {
  const when = documentDate(meta.generatedOn);
  const month: Month = meta.month;
  const left = [meta.draft ? DRAFT_MARK : '', meta.institution.name, meta.title, monthLabel(month), meta.part].filter(Boolean).join(' · ');
  return {
    form: {
      landscape: meta.orientation === 'landscape',
      lineHeight: LINE_HEIGHT,
      margins: [...PAGE_MARGINS],
      info: {
        Title: `${meta.title}（${monthLabel(month)}）`,
        Author: meta.institution.name,
        Subject: `长期护理保险结算申报 ${month}`,
        Creator: PDF_CREATOR,
        Producer: PDF_CREATOR,
        CreationDate: when,
        ModDate: when,
      },
      footer: { left, right: '第 {page} / {pages} 页', margin: [PAGE_MARGINS[0], 12, PAGE_MARGINS[2], 0] },
      ...(meta.draft ? { watermark: DRAFT_MARK } : {}),
      blocks: blocks.map((b) => (b.k === 'table' ? packTable(b) : b)),
    },
  };
}
