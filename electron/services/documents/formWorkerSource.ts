/**
 * The part of the PDF worker (pdfWorkerSource.ts) that lays out and draws form documents
 * (formSpec.ts) with pdfkit directly. A string for the same reason as the worker: it runs from
 * the sources and from out/main alike.
 *
 * pdfkit keeps the document: pages, the font subset (glyphs are added as text is encoded, with
 * the ToUnicode map pdftotext reads), compression, metadata. The page content is written here as
 * PDF operators, one string a page, instead of pdfkit's text() and path calls, which cost a small
 * Buffer per operator. What pdfkit's text() does for each string (fontkit layout, glyph ids,
 * kerning adjustments) is done once per distinct string and document, and widths once per
 * distinct string and worker: dates, times, names and item lists repeat thousands of times.
 *
 * Expects in scope: `PDFKit` (pdfkit's PDFDocument) and `fontData` ({ r, b }: { src, family }).
 * Defines `renderForm(form) → Promise<{ bytes: Buffer, pages }>`.
 */
export const FORM_WORKER_SOURCE = String.raw`
const FORM_PAD_X = 3;
const FORM_PAD_Y = 2;
const FORM_RULE = { width: 0.5, color: '#444444' };
// CJK glyphs sit between about -0.12 and 0.88 em: this centres them on the line.
const FORM_BASE = 0.38;
// Wrap points: printable-ASCII words stay whole, every other character may break; these never start a line.
const FORM_TOKEN = /[\x21-\x7e]+|\s+|[\s\S]/gu;
const FORM_NO_START = '、，。；：？！）》」』”’,.;:!?)%';
// widths in 1/1000 em, per font, for all documents of this worker
const formWidths = { r: new Map(), b: new Map() };

const fnum = (n) => String(Math.round(n * 100) / 100);
function frgb(hex) {
  const h = hex.replace('#', '');
  return [0, 2, 4].map((i) => fnum(parseInt(h.slice(i, i + 2), 16) / 255)).join(' ');
}

function renderForm(form) {
  const FORM_LH = form.lineHeight;
  const layout = form.landscape ? 'landscape' : 'portrait';
  const doc = new PDFKit({ size: 'A4', layout, margin: 0, autoFirstPage: false, compress: true, info: form.info, font: null });
  const chunks = [];
  const done = new Promise((resolve, reject) => {
    doc.on('data', (c) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('r', fontData.r.src, fontData.r.family);
  doc.registerFont('b', fontData.b.src, fontData.b.family);
  const fonts = { r: doc.font('r')._font, b: doc.font('b')._font };
  const encoded = { r: new Map(), b: new Map() };

  const W = form.landscape ? 841.89 : 595.28;
  const H = form.landscape ? 595.28 : 841.89;
  const [ml, mt, mr, mb] = form.margins;
  const CW = W - ml - mr;
  const bottom = H - mb;

  // Widths and glyphs go character by character: fontkit shapes each distinct character once
  // (per worker for widths, per document for glyph ids) instead of every distinct string; CJK text,
  // digits and dates need no shaping across characters. A string is as wide as its characters.
  const width1000 = (fk, t) => {
    const m = formWidths[fk];
    let w = m.get(t);
    if (w === undefined) {
      w = 0;
      for (const ch of t) {
        let cw = m.get(ch);
        if (cw === undefined) {
          cw = fonts[fk].widthOfString(ch, 1000);
          m.set(ch, cw);
        }
        w += cw;
      }
      m.set(t, w);
    }
    return w;
  };
  const glyphs = { r: new Map(), b: new Map() };
  // A string as a text-showing operator: the glyph ids of this document's subset.
  const encode = (fk, t) => {
    const m = glyphs[fk];
    let hex = '';
    let adjusted = false;
    const parts = [];
    for (const ch of t) {
      let g = m.get(ch);
      if (g === undefined) {
        const [ids, pos] = fonts[fk].encode(ch);
        // One glyph on the baseline (anything else is drawn as pdfkit would, the whole string shaped)
        g = ids.length === 1 && !pos[0].xOffset && !pos[0].yOffset ? { hex: ids[0], adj: pos[0].xAdvance - pos[0].advanceWidth } : null;
        m.set(ch, g);
      }
      if (g === null) return encodeShaped(fonts[fk], t);
      hex += g.hex;
      if (g.adj !== 0) {
        adjusted = true;
        parts.push('<' + hex + '> ' + fnum(-g.adj));
        hex = '';
      }
    }
    if (!adjusted) return '<' + hex + '> Tj';
    if (hex) parts.push('<' + hex + '>');
    return '[' + parts.join(' ') + '] TJ';
  };

  // Runs → lines of segments (font, size, colour, text, width) within avail points.
  function wrap(runs, avail, size, color) {
    const lines = [];
    let line = { segs: [], w: 0, s: size };
    const push = (fk, s, c, t, w) => {
      const last = line.segs[line.segs.length - 1];
      if (last && last.fk === fk && last.s === s && last.c === c) {
        last.t += t;
        last.w += w;
      } else line.segs.push({ fk, s, c, t, w });
      line.w += w;
      if (s > line.s) line.s = s;
    };
    for (const r of runs) {
      const fk = r.b ? 'b' : 'r';
      const s = r.s || size;
      const c = r.c || color;
      if (!r.t) continue;
      const whole = (width1000(fk, r.t) * s) / 1000;
      if (line.w + whole <= avail + 0.01) {
        push(fk, s, c, r.t, whole);
        continue;
      }
      for (const tok of r.t.match(FORM_TOKEN)) {
        const space = /^\s+$/.test(tok);
        if (space && line.segs.length === 0 && lines.length > 0) continue;
        const w = (width1000(fk, tok) * s) / 1000;
        if (line.w + w > avail + 0.01 && line.segs.length > 0 && !space && !FORM_NO_START.includes(tok[0])) {
          lines.push(line);
          line = { segs: [], w: 0, s: size };
        }
        push(fk, s, c, tok, w);
      }
    }
    lines.push(line);
    return lines;
  }
  const linesHeight = (lines) => lines.reduce((h, l) => h + l.s * FORM_LH, 0);

  // ---- layout: blocks → pages of placed items ----
  const pages = [];
  let page = null;
  let y = 0;
  const newPage = () => {
    page = [];
    pages.push(page);
    y = mt;
  };
  newPage();

  function placeParagraph(b) {
    const lines = wrap(b.runs, CW, b.size, b.color || '#000000');
    for (const l of lines) {
      const lh = l.s * FORM_LH;
      if (y + lh > bottom && y > mt) newPage();
      page.push({ k: 'line', l, x: b.align === 'center' ? ml + (CW - l.w) / 2 : ml, y, lh });
      y += lh;
    }
    y += b.mb || 0;
  }

  function measureTable(b) {
    const xs = [0];
    for (const w of b.widths) xs.push(xs[xs.length - 1] + w);
    const cols = b.columns || [];
    return unpackRows(b).map((row) => {
      let col = 0;
      let h = 0;
      const cells = [];
      const edges = [0];
      const given = Array.isArray(row)
        ? row.map((t, i) => ({
            runs: [{ t, b: cols[i] && cols[i].bold }],
            align: cols[i] && cols[i].align,
            span: i === row.length - 1 ? b.widths.length - i : 1,
          }))
        : row.cells;
      for (const c of given) {
        const span = c.span || 1;
        const x = xs[col];
        const w = xs[Math.min(col + span, b.widths.length)] - x;
        const lines = wrap(c.runs, w - 2 * FORM_PAD_X, b.size, '#000000');
        h = Math.max(h, linesHeight(lines));
        cells.push({ x, w, lines, align: c.align, fill: c.fill });
        col += span;
        edges.push(xs[Math.min(col, b.widths.length)]);
      }
      return { cells, h: h + 2 * FORM_PAD_Y, edges, key: edges.join(','), total: xs[xs.length - 1] };
    });
  }

  function placeTable(b) {
    const rows = measureTable(b);
    const head = rows.slice(0, b.headerRows);
    const body = rows.slice(b.headerRows);
    const headH = head.reduce((s, r) => s + r.h, 0);
    const keepH = headH + body.slice(0, b.keepWithHeaderRows).reduce((s, r) => s + r.h, 0);
    if (y + keepH > bottom && y > mt) newPage();
    let seg = { k: 'table', rows: [], y };
    page.push(seg);
    const put = (r) => {
      seg.rows.push(r);
      y += r.h;
    };
    head.forEach(put);
    for (const r of body) {
      if (y + r.h > bottom && seg.rows.length > head.length) {
        newPage();
        seg = { k: 'table', rows: [], y };
        page.push(seg);
        head.forEach(put);
      }
      put(r);
    }
    y += b.mb || 0;
  }

  function placeFixed(b) {
    if (y + b.h > bottom && y > mt) newPage();
    page.push({ k: 'fixed', b, y });
    y += b.h + (b.mb || 0);
  }

  for (const b of form.blocks) {
    if (b.k === 'p') placeParagraph(b);
    else if (b.k === 'table') placeTable(b);
    else placeFixed(b);
  }

  // ---- drawing: one content string a page ----
  function draw(items, number) {
    const fills = [];
    const rules = new Map(); // "width color" → path segments
    const text = [];
    const used = new Set();
    let tf = '';
    let tc = '';
    const rule = (w, c, seg) => {
      const k = fnum(w) + ' ' + c;
      let list = rules.get(k);
      if (!list) rules.set(k, (list = []));
      list.push(seg);
    };
    const hline = (w, c, x1, x2, yy) => rule(w, c, fnum(x1) + ' ' + fnum(yy) + ' m ' + fnum(x2) + ' ' + fnum(yy) + ' l');
    const vline = (w, c, x, y1, y2) => rule(w, c, fnum(x) + ' ' + fnum(y1) + ' m ' + fnum(x) + ' ' + fnum(y2) + ' l');
    const fill = (c, x, yy, w, h) => fills.push(frgb(c) + ' rg ' + fnum(x) + ' ' + fnum(yy) + ' ' + fnum(w) + ' ' + fnum(h) + ' re f');
    // one segment of text with its left end at x and its baseline at base (top-down page coordinates)
    const show = (seg, x, base) => {
      const font = fonts[seg.fk];
      used.add(seg.fk);
      const f = '/' + font.id + ' ' + fnum(seg.s) + ' Tf';
      if (f !== tf) text.push((tf = f));
      const c = frgb(seg.c);
      if (c !== tc) text.push((tc = c) + ' rg');
      const cache = encoded[seg.fk];
      let e = cache.get(seg.t);
      if (e === undefined) {
        e = encode(seg.fk, seg.t);
        cache.set(seg.t, e);
      }
      const py = H - base;
      if (typeof e === 'string') {
        text.push('1 0 0 1 ' + fnum(x) + ' ' + fnum(py) + ' Tm ' + e);
        return;
      }
      // glyphs with offsets (combining marks): each at its own position
      const k = seg.s / 1000;
      for (const g of e) {
        text.push('1 0 0 1 ' + fnum(x + g.dx * k) + ' ' + fnum(py + g.dy * k) + ' Tm <' + g.hex + '> Tj');
        x += g.adv * k;
      }
    };
    const showLine = (l, x, top) => {
      const base = top + (l.s * FORM_LH) / 2 + FORM_BASE * l.s;
      for (const seg of l.segs) {
        if (seg.t) show(seg, x, base);
        x += seg.w;
      }
    };

    for (const it of items) {
      if (it.k === 'line') showLine(it.l, it.x, it.y);
      else if (it.k === 'table') {
        const { width: rw, color: rc } = FORM_RULE;
        let top = it.y;
        let group = null; // consecutive rows with the same column edges share their vertical rules
        const flush = (end) => {
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
            let ly = top + FORM_PAD_Y;
            for (const l of c.lines) {
              const inner = c.w - 2 * FORM_PAD_X;
              const dx = c.align === 'center' ? (inner - l.w) / 2 : c.align === 'right' ? inner - l.w : 0;
              showLine(l, ml + c.x + FORM_PAD_X + dx, ly);
              ly += l.s * FORM_LH;
            }
          }
          top += r.h;
        }
        flush(top);
        if (it.rows.length > 0) hline(rw, rc, ml, ml + it.rows[it.rows.length - 1].total, top);
      } else {
        const b = it.b;
        for (const op of b.ops) {
          if (op.k === 'rect') fill(op.fill, ml + op.x, it.y + op.y, op.w, op.h);
          else if (op.k === 'line') rule(b.lineWidth, b.lineColor, fnum(ml + op.x1) + ' ' + fnum(it.y + op.y1) + ' m ' + fnum(ml + op.x2) + ' ' + fnum(it.y + op.y2) + ' l');
          else {
            const [l] = wrap(op.runs, Infinity, op.size, '#000000');
            const dx = op.w === undefined ? 0 : op.align === 'center' ? (op.w - l.w) / 2 : op.align === 'right' ? op.w - l.w : 0;
            showLine(l, ml + op.x + dx, it.y + op.y);
          }
        }
      }
    }
    // the footer
    const f = form.footer;
    const ftop = H - mb + f.margin[1];
    const [left] = wrap([{ t: f.left }], Infinity, 7.5, '#444444');
    showLine(left, ml, ftop);
    const [right] = wrap([{ t: f.right.replace('{page}', String(number)).replace('{pages}', String(pages.length)) }], Infinity, 7.5, '#444444');
    showLine(right, W - mr - right.w, ftop);

    const out = [];
    if (fills.length > 0) out.push(fills.join('\n'));
    for (const [k, segs] of rules) {
      const [w, c] = k.split(' ');
      out.push(w + ' w ' + frgb(c) + ' RG\n' + segs.join('\n') + '\nS');
    }
    // the page starts flipped (pdfkit: y from the top); text is set in PDF space
    out.push('q 1 0 0 -1 0 ' + fnum(H) + ' cm BT\n' + text.join('\n') + '\nET Q');
    for (const fk of used) doc.page.fonts[fonts[fk].id] = fonts[fk].ref();
    doc.addContent(out.join('\n'));
  }

  pages.forEach((items, i) => {
    doc.addPage({ size: 'A4', layout, margin: 0 });
    draw(items, i + 1);
  });
  doc.end();
  return done.then((bytes) => ({ bytes, pages: pages.length }));
}

// The rows of a packed table (formSpec.ts packTable): plain rows as arrays of strings, the others as given.
function unpackRows(b) {
  if (b.count === 0) return [];
  const rows = b.plain.split('');
  for (const [i, row] of b.special) rows[i] = row;
  for (let i = 0; i < rows.length; i++) if (typeof rows[i] === 'string') rows[i] = rows[i].split('');
  return rows;
}

// A string shaped as a whole, as pdfkit's text() does: a TJ operator (glyph ids of the document's
// subset, kerning adjustments), or glyphs one by one where fontkit positions some off the baseline.
function encodeShaped(font, t) {
  const [hex, pos] = font.encode(t);
  if (pos.some((p) => p.xOffset || p.yOffset)) {
    return hex.map((h, i) => ({ hex: h, dx: pos[i].xOffset, dy: pos[i].yOffset, adv: pos[i].xAdvance }));
  }
  const parts = [];
  let last = 0;
  for (let i = 0; i < hex.length; i++) {
    const adj = pos[i].xAdvance - pos[i].advanceWidth;
    if (adj !== 0 || i === hex.length - 1) {
      parts.push('<' + hex.slice(last, i + 1).join('') + '>' + (adj !== 0 ? ' ' + fnum(-adj) : ''));
      last = i + 1;
    }
  }
  return '[' + parts.join(' ') + '] TJ';
}
`;
