/**
 * Draws a form document (formSpec.ts) with pdfkit directly. pdfkit keeps the document: pages, the font
 * subset (glyphs are added as text is encoded, with the ToUnicode map pdftotext reads), compression,
 * metadata. The page content is written here as PDF operators, one string a page, instead of pdfkit's
 * text() and path calls, which cost a small Buffer per operator: ~200 pages/s a core.
 */
import type { LoadedFonts } from './fontBytes';
import { pdfkitFallback } from './fontFallback';
import { layOutForm, PAD_X, PAD_Y, type PageItem } from './formLayout';
import { A4, type FormDoc } from './formSpec';
import { fnum, type FontKey, FormText, frgb, type Line, type Seg } from './formText';
import { DRAFT_STYLE } from './pdfBase';
import { embeddedFont, newPdfKitDocument, useFontOnPage, type PdfKitDocument } from './pdfkitInternals';

const RULE = { width: 0.5, color: '#444444' };
// CJK glyphs sit between about -0.12 and 0.88 em: this centres them on the line.
const BASELINE = 0.38;
const FOOTER = { size: 7.5, color: '#444444' };

export interface RenderedBytes {
  bytes: Buffer;
  pages: number;
}

export function renderForm(form: FormDoc, fonts: LoadedFonts): Promise<RenderedBytes> {
  const layout = form.landscape ? 'landscape' : 'portrait';
  const doc = newPdfKitDocument({ size: 'A4', layout, margin: 0, autoFirstPage: false, compress: true, info: form.info });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  // registered in this order, the fonts are F1 and F2 in every document (a rare character's fallback F3…)
  doc.registerFont('r', fonts.regular.src, fonts.regular.family);
  doc.registerFont('b', fonts.bold.src, fonts.bold.family);
  const text = new FormText(
    { r: embeddedFont(doc, 'r'), b: embeddedFont(doc, 'b') },
    { r: fonts.regular.key, b: fonts.bold.key },
    form.lineHeight,
    pdfkitFallback(doc, fonts.fallback),
  );
  const box = { width: form.landscape ? A4.height : A4.width, height: form.landscape ? A4.width : A4.height, margins: form.margins };
  const pages = layOutForm(form, text, box);
  pages.forEach((items, i) => {
    doc.addPage({ size: 'A4', layout, margin: 0 });
    drawPage(doc, text, form, box, items, { number: i + 1, count: pages.length });
  });
  doc.end();
  return done.then((bytes) => ({ bytes, pages: pages.length }));
}

/** One page's content as one string: fills, then rules grouped by width and colour, then the text. */
function drawPage(
  doc: PdfKitDocument,
  text: FormText,
  form: FormDoc,
  box: { width: number; height: number },
  items: readonly PageItem[],
  page: { number: number; count: number },
): void {
  const [ml, , mr, mb] = form.margins;
  const H = box.height;
  const fills: string[] = [];
  const rules = new Map<string, string[]>(); // "width color" → path segments
  const shown: string[] = [];
  const used = new Set<FontKey>();
  let tf = '';
  let tc = '';
  const rule = (w: number, c: string, seg: string) => {
    const k = fnum(w) + ' ' + c;
    let list = rules.get(k);
    if (!list) rules.set(k, (list = []));
    list.push(seg);
  };
  const hline = (w: number, c: string, x1: number, x2: number, y: number) => rule(w, c, fnum(x1) + ' ' + fnum(y) + ' m ' + fnum(x2) + ' ' + fnum(y) + ' l');
  const vline = (w: number, c: string, x: number, y1: number, y2: number) => rule(w, c, fnum(x) + ' ' + fnum(y1) + ' m ' + fnum(x) + ' ' + fnum(y2) + ' l');
  const fill = (c: string, x: number, y: number, w: number, h: number) =>
    fills.push(frgb(c) + ' rg ' + fnum(x) + ' ' + fnum(y) + ' ' + fnum(w) + ' ' + fnum(h) + ' re f');
  // one segment of text with its left end at x and its baseline at base (top-down page coordinates)
  const show = (seg: Seg, x: number, base: number) => {
    const font = text.font(seg.fk);
    used.add(seg.fk);
    const f = '/' + font.id + ' ' + fnum(seg.s) + ' Tf';
    if (f !== tf) shown.push((tf = f));
    const c = frgb(seg.c);
    if (c !== tc) shown.push((tc = c) + ' rg');
    const e = text.encode(seg.fk, seg.t);
    const py = H - base;
    if (typeof e === 'string') {
      shown.push('1 0 0 1 ' + fnum(x) + ' ' + fnum(py) + ' Tm ' + e);
      return;
    }
    // glyphs with offsets (combining marks): each at its own position
    const k = seg.s / 1000;
    for (const g of e) {
      shown.push('1 0 0 1 ' + fnum(x + g.dx * k) + ' ' + fnum(py + g.dy * k) + ' Tm <' + g.hex + '> Tj');
      x += g.adv * k;
    }
  };
  const showLine = (l: Line, x: number, top: number) => {
    const base = top + (l.s * text.lineHeight) / 2 + BASELINE * l.s;
    for (const seg of l.segs) {
      if (seg.t) show(seg, x, base);
      x += seg.w;
    }
  };

  for (const it of items) {
    if (it.k === 'line') showLine(it.l, it.x, it.y);
    else if (it.k === 'table') {
      const { width: rw, color: rc } = RULE;
      let top = it.y;
      let group: { key: string; edges: number[]; y: number } | null = null; // consecutive rows with the same column edges share their vertical rules
      const flush = (end: number) => {
        if (group) for (const e of group.edges) vline(rw, rc, ml + e, group.y, end);
      };
      for (const r of it.rows) {
        if (!group || group.key !== r.key) {
          flush(top);
          group = { key: r.key, edges: r.edges, y: top };
        }
        hline(rw, rc, ml, ml + r.total, top);
        for (const c of r.cells) {
          if (c.fill) fill(c.fill, ml + c.x, top, c.w, r.h);
          let ly = top + PAD_Y;
          for (const l of c.lines) {
            const inner = c.w - 2 * PAD_X;
            const dx = c.align === 'center' ? (inner - l.w) / 2 : c.align === 'right' ? inner - l.w : 0;
            showLine(l, ml + c.x + PAD_X + dx, ly);
            ly += l.s * text.lineHeight;
          }
        }
        top += r.h;
      }
      flush(top);
      const last = it.rows[it.rows.length - 1];
      if (last) hline(rw, rc, ml, ml + last.total, top);
    } else {
      const b = it.b;
      for (const op of b.ops) {
        if (op.k === 'rect') fill(op.fill, ml + op.x, it.y + op.y, op.w, op.h);
        else if (op.k === 'line')
          rule(b.lineWidth, b.lineColor, fnum(ml + op.x1) + ' ' + fnum(it.y + op.y1) + ' m ' + fnum(ml + op.x2) + ' ' + fnum(it.y + op.y2) + ' l');
        else {
          const [l] = text.wrap(op.runs, Infinity, op.size, '#000000');
          if (!l) continue;
          const dx = op.w === undefined ? 0 : op.align === 'center' ? (op.w - l.w) / 2 : op.align === 'right' ? op.w - l.w : 0;
          showLine(l, ml + op.x + dx, it.y + op.y);
        }
      }
    }
  }
  // the footer
  const f = form.footer;
  const ftop = H - mb + f.margin[1];
  const [left] = text.wrap([{ t: f.left }], Infinity, FOOTER.size, FOOTER.color);
  if (left) showLine(left, ml, ftop);
  const pageNo = f.right.replace('{page}', String(page.number)).replace('{pages}', String(page.count));
  const [right] = text.wrap([{ t: pageNo }], Infinity, FOOTER.size, FOOTER.color);
  if (right) showLine(right, box.width - mr - right.w, ftop);

  const out: string[] = [];
  if (form.watermark) out.push(watermarkOps(text, form.watermark, box, used));
  if (fills.length > 0) out.push(fills.join('\n'));
  for (const [k, segs] of rules) {
    const [w, c] = k.split(' ');
    out.push(w + ' w ' + frgb(c ?? '') + ' RG\n' + segs.join('\n') + '\nS');
  }
  // the page starts flipped (pdfkit: y from the top); text is set in PDF space
  out.push('q 1 0 0 -1 0 ' + fnum(H) + ' cm BT\n' + shown.join('\n') + '\nET Q');
  for (const fk of used) useFontOnPage(doc, text.font(fk));
  doc.addContent(out.join('\n'));
}

/**
 * The watermark as PDF operators, first on the page so that everything else is drawn over it: bold,
 * grey, along the page's diagonal through its centre (as pdfmake draws the summary's). No transparency
 * here (that needs a graphics state): the grey is the one pdfmake's 30 % opacity gives on white.
 */
function watermarkOps(text: FormText, mark: string, box: { width: number; height: number }, used: Set<FontKey>): string {
  const size = DRAFT_STYLE.size;
  const [line] = text.wrap([{ t: mark, b: true }], Infinity, size, '#000000');
  const seg = line?.segs[0];
  if (!line || !seg) return '';
  const e = text.encode('b', mark);
  if (typeof e !== 'string') return '';
  used.add('b');
  const grey = Math.round(255 - (255 - parseInt(DRAFT_STYLE.color.slice(1, 3), 16)) * DRAFT_STYLE.opacity);
  const hex = '#' + grey.toString(16).padStart(2, '0').repeat(3);
  const a = Math.atan2(box.height, box.width);
  const [c, s] = [Math.cos(a), Math.sin(a)];
  // the text's middle on the page's centre: back half its width along the diagonal, down a third of its size across it
  const x = box.width / 2 - (line.w / 2) * c + size * 0.33 * s;
  const y = box.height / 2 - (line.w / 2) * s - size * 0.33 * c;
  const m = [c, s, -s, c, x, y].map(fnum).join(' ');
  return 'q 1 0 0 -1 0 ' + fnum(box.height) + ' cm BT /' + text.font('b').id + ' ' + fnum(size) + ' Tf ' + frgb(hex) + ' rg ' + m + ' Tm ' + e + ' ET Q';
}
