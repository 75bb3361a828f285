/**
 * A form document's blocks (formSpec.ts) laid out on pages: paragraphs wrapped line by line, tables
 * measured row by row with their header rows repeated on every page they continue on, fixed drawings
 * kept whole. The result is what each page shows and where; formDraw.ts turns it into PDF operators.
 * Coordinates are points from the page's top-left corner (x of tables from the left margin).
 */
import { unpackRows, type FixedBlock, type FormCell, type FormDoc, type FormRow, type PackedTableBlock, type ParagraphBlock, type PlainRow } from './formSpec';
import type { FormText, Line } from './formText';

/** Space between a cell's rules and its text. */
export const PAD_X = 3;
export const PAD_Y = 2;

export interface MeasuredCell {
  /** from the table's left edge */
  x: number;
  w: number;
  lines: Line[];
  align?: FormCell['align'];
  fill?: string;
}

export interface MeasuredRow {
  cells: MeasuredCell[];
  h: number;
  /** x of the vertical rules, from the table's left edge */
  edges: number[];
  /** the edges as one string: consecutive rows with the same key share their vertical rules */
  key: string;
  /** the table's width */
  total: number;
}

export type PageItem =
  { k: 'line'; l: Line; x: number; y: number; lh: number } | { k: 'table'; rows: MeasuredRow[]; y: number } | { k: 'fixed'; b: FixedBlock; y: number };

/** The page: its size and margins (left, top, right, bottom), points. */
export interface PageBox {
  width: number;
  height: number;
  margins: readonly [number, number, number, number];
}

export function layOutForm(form: FormDoc, text: FormText, box: PageBox): PageItem[][] {
  const [ml, mt, mr, mb] = box.margins;
  const contentWidth = box.width - ml - mr;
  const bottom = box.height - mb;
  const pages: PageItem[][] = [];
  let page: PageItem[] = [];
  let y = 0;
  const newPage = () => {
    page = [];
    pages.push(page);
    y = mt;
  };
  newPage();

  function placeParagraph(b: ParagraphBlock) {
    const lines = text.wrap(b.runs, contentWidth, b.size, b.color || '#000000');
    for (const l of lines) {
      const lh = l.s * text.lineHeight;
      if (y + lh > bottom && y > mt) newPage();
      page.push({ k: 'line', l, x: b.align === 'center' ? ml + (contentWidth - l.w) / 2 : ml, y, lh });
      y += lh;
    }
    y += b.mb || 0;
  }

  function placeTable(b: PackedTableBlock) {
    const rows = measureTable(b, unpackRows(b), text);
    const cont = b.cont ? measureTable(b, b.cont, text) : null;
    const head = rows.slice(0, b.headerRows);
    const body = rows.slice(b.headerRows);
    const sum = (list: readonly MeasuredRow[]) => list.reduce((s, r) => s + r.h, 0);
    const keepH = sum(head) + sum(body.slice(0, b.keepWithHeaderRows));
    const wholeH = sum(rows) + (b.keepNext || 0);
    if (b.keep && y + wholeH > bottom && y > mt && mt + wholeH <= bottom) newPage();
    else if (y + keepH > bottom && y > mt) newPage();
    let seg: PageItem & { k: 'table' } = { k: 'table', rows: [], y };
    page.push(seg);
    let heading = head.length;
    const put = (r: MeasuredRow) => {
      seg.rows.push(r);
      y += r.h;
    };
    head.forEach(put);
    for (const r of body) {
      // rows never split: one that does not fit starts a page, under the header (or continuation) rows again
      if (y + r.h > bottom && seg.rows.length > heading) {
        newPage();
        seg = { k: 'table', rows: [], y };
        page.push(seg);
        const again = cont ?? head;
        heading = again.length;
        again.forEach(put);
      }
      put(r);
    }
    y += b.mb || 0;
  }

  function placeFixed(b: FixedBlock) {
    if (y + b.h > bottom && y > mt) newPage();
    page.push({ k: 'fixed', b, y });
    y += b.h + (b.mb || 0);
  }

  for (const b of form.blocks) {
    if (b.k === 'p') placeParagraph(b);
    else if (b.k === 'table') placeTable(b);
    else placeFixed(b);
  }
  return pages;
}

/** Each row's cells wrapped to their columns; the tallest cell sets the row's height. */
function measureTable(b: PackedTableBlock, rows: readonly (FormRow | PlainRow)[], text: FormText): MeasuredRow[] {
  const xs = [0];
  for (const w of b.widths) xs.push((xs[xs.length - 1] ?? 0) + w);
  const edgeAt = (col: number) => xs[Math.min(col, b.widths.length)] ?? 0;
  const cols = b.columns || [];
  return rows.map((row) => {
    let col = 0;
    let h = 0;
    const cells: MeasuredCell[] = [];
    const edges = [0];
    // a plain row: one string a column, set as the table's columns say; the last spans what is left
    const given: FormCell[] = Array.isArray(row)
      ? row.map((t, i) => ({
          runs: [{ t, b: cols[i]?.bold }],
          align: cols[i]?.align,
          span: i === row.length - 1 ? b.widths.length - i : 1,
        }))
      : row.cells;
    for (const c of given) {
      const span = c.span || 1;
      const x = xs[col] ?? 0;
      const w = edgeAt(col + span) - x;
      const lines = text.wrap(c.runs, w - 2 * PAD_X, b.size, '#000000');
      h = Math.max(h, text.linesHeight(lines));
      cells.push({ x, w, lines, align: c.align, fill: c.fill });
      col += span;
      edges.push(edgeAt(col));
    }
    return { cells, h: h + 2 * PAD_Y, edges, key: edges.join(','), total: xs[xs.length - 1] ?? 0 };
  });
}
