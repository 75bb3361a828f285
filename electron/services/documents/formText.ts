/**
 * Text in the form documents (formDraw.ts): widths, lines wrapped to a width, and strings as PDF
 * text-showing operators of the document's font subset.
 *
 * What pdfkit's text() does for each string (fontkit layout, glyph ids, kerning adjustments) is done
 * here once per distinct character and document, and widths once per distinct string and thread: dates,
 * times, names and item lists repeat thousands of times. CJK text, digits and dates need no shaping
 * across characters, so a string is as wide as its characters; a character that fontkit does not set
 * as one glyph on the baseline makes its string shaped as a whole, as text() would.
 *
 * A character the run's face lacks (𠮷, CJK Extension B) is drawn from the fallback font
 * (fontFallback.ts): wrap() splits such a run into pieces by font, so a line's segments name the
 * fallback's face where it draws. A string with no such character never reaches the fallback.
 */
import { fallbackKey, mayNeedFallback, splitByFont, type FallbackResolver } from './fontFallback';
import type { Run } from './formSpec';
import type { EmbeddedFont, GlyphPosition } from './pdfkitInternals';

/** The faces of a form document: regular, bold, and the fallback's files a document uses (`x…`). */
export type FontKey = 'r' | 'b' | `x${string}`;

/** A piece of one line in one font, size and colour; `w` its width in points. */
export interface Seg {
  fk: FontKey;
  s: number;
  c: string;
  t: string;
  w: number;
}

/** A line: its segments, width, and its largest font size (which sets its height). */
export interface Line {
  segs: Seg[];
  w: number;
  s: number;
}

/** A glyph drawn at its own position (fontkit set it off the baseline: a combining mark). */
export interface PlacedGlyph {
  hex: string;
  dx: number;
  dy: number;
  adv: number;
}

/** A string as a `Tj`/`TJ` operator, or as glyphs to place one by one. */
export type Encoded = string | PlacedGlyph[];

// Wrap points: printable-ASCII words stay whole, every other character may break; these never start a line.
const TOKEN = /[\x21-\x7e]+|\s+|[\s\S]/gu;
const NO_LINE_START = '、，。；：？！）》」』”’,.;:!?)%';

/** A number as the content stream writes it: at most two decimals. */
export const fnum = (n: number): string => String(Math.round(n * 100) / 100);

/** `#rrggbb` as PDF colour operands. */
export function frgb(hex: string): string {
  const h = hex.replace('#', '');
  return [0, 2, 4].map((i) => fnum(parseInt(h.slice(i, i + 2), 16) / 255)).join(' ');
}

// Widths in 1/1000 em of characters and strings, per font file (and face in a collection), for every
// document this thread draws.
const widthCaches = new Map<string, Map<string, number>>();

function widthCache(face: string): Map<string, number> {
  let m = widthCaches.get(face);
  if (!m) widthCaches.set(face, (m = new Map()));
  return m;
}

/** One glyph on the baseline: its id, and the kerning fontkit adds after it (0 without). */
interface Glyph {
  hex: string;
  adj: number;
}

/** The text of one document: its embedded fonts, named by the faces they were read from. */
export class FormText {
  private readonly fonts = new Map<FontKey, EmbeddedFont>();
  private readonly widths = new Map<FontKey, Map<string, number>>();
  // per document: glyph ids belong to the document's subset
  private readonly glyphs = new Map<FontKey, Map<string, Glyph | null>>();
  private readonly encoded = new Map<FontKey, Map<string, Encoded>>();
  // per document and face: the face that draws a character of the supplementary planes
  private readonly drawnBy = { r: new Map<number, FontKey>(), b: new Map<number, FontKey>() };

  constructor(
    fonts: Record<'r' | 'b', EmbeddedFont>,
    faces: Record<'r' | 'b', string>,
    /** line height as a multiple of the font size */
    readonly lineHeight: number,
    /** the fallback font's face for a character regular and bold lack; none: such characters draw as boxes */
    private readonly fallback?: FallbackResolver,
  ) {
    for (const fk of ['r', 'b'] as const) this.add(fk, fonts[fk], faces[fk]);
  }

  private add(fk: FontKey, font: EmbeddedFont, face: string): void {
    this.fonts.set(fk, font);
    this.widths.set(fk, widthCache(face));
    this.glyphs.set(fk, new Map());
    this.encoded.set(fk, new Map());
  }

  /** The embedded font of a face: regular, bold, or a fallback file that wrap() put in a segment. */
  font(fk: FontKey): EmbeddedFont {
    const f = this.fonts.get(fk);
    if (!f) throw new Error(`no font ${fk} in this document`);
    return f;
  }

  private table<T>(tables: Map<FontKey, T>, fk: FontKey): T {
    const t = tables.get(fk);
    if (t === undefined) throw new Error(`no font ${fk} in this document`);
    return t;
  }

  // The face that draws a character of a run in `fk`: its own, or the fallback's where it has no glyph.
  private faceOf(fk: 'r' | 'b', cp: number): FontKey {
    const m = this.drawnBy[fk];
    let k = m.get(cp);
    if (k === undefined) {
      k = fk;
      const f = this.fallback && !this.font(fk).font.hasGlyphForCodePoint(cp) ? this.fallback(cp) : null;
      if (f) {
        k = fallbackKey(f.name);
        if (!this.fonts.has(k)) this.add(k, f.font, f.face);
      }
      m.set(cp, k);
    }
    return k;
  }

  /** A run's text as pieces by face, or null when its own face draws all of it (no rare character). */
  private byFace(fk: 'r' | 'b', t: string): { k: FontKey; t: string }[] | null {
    if (!this.fallback || !mayNeedFallback(t)) return null;
    const pieces = splitByFont(t, (cp) => (cp > 0xffff ? this.faceOf(fk, cp) : fk));
    return pieces.length === 1 && pieces[0]?.k === fk ? null : pieces;
  }

  /** A string's width in 1/1000 em, character by character (fontkit shapes each distinct character once). */
  width1000(fk: FontKey, t: string): number {
    const m = this.table(this.widths, fk);
    let w = m.get(t);
    if (w === undefined) {
      w = 0;
      for (const ch of t) {
        let cw = m.get(ch);
        if (cw === undefined) {
          cw = this.font(fk).widthOfString(ch, 1000);
          m.set(ch, cw);
        }
        w += cw;
      }
      m.set(t, w);
    }
    return w;
  }

  /** Runs → lines of segments within `avail` points. */
  wrap(runs: readonly Run[], avail: number, size: number, color: string): Line[] {
    const lines: Line[] = [];
    let line: Line = { segs: [], w: 0, s: size };
    const push = (fk: FontKey, s: number, c: string, t: string, w: number) => {
      const last = line.segs[line.segs.length - 1];
      if (last && last.fk === fk && last.s === s && last.c === c) {
        last.t += t;
        last.w += w;
      } else line.segs.push({ fk, s, c, t, w });
      line.w += w;
      if (s > line.s) line.s = s;
    };
    const place = (fk: FontKey, s: number, c: string, t: string) => {
      const whole = (this.width1000(fk, t) * s) / 1000;
      if (line.w + whole <= avail + 0.01) {
        push(fk, s, c, t, whole);
        return;
      }
      for (const tok of t.match(TOKEN) ?? []) {
        const space = /^\s+$/.test(tok);
        if (space && line.segs.length === 0 && lines.length > 0) continue;
        const w = (this.width1000(fk, tok) * s) / 1000;
        if (line.w + w > avail + 0.01 && line.segs.length > 0 && !space && !NO_LINE_START.includes(tok.charAt(0))) {
          lines.push(line);
          line = { segs: [], w: 0, s: size };
        }
        push(fk, s, c, tok, w);
      }
    };
    for (const r of runs) {
      const fk = r.b ? 'b' : 'r';
      const s = r.s || size;
      const c = r.c || color;
      if (!r.t) continue;
      const pieces = this.byFace(fk, r.t);
      if (pieces === null) place(fk, s, c, r.t);
      else for (const p of pieces) place(p.k, s, c, p.t);
    }
    lines.push(line);
    return lines;
  }

  linesHeight(lines: readonly Line[]): number {
    return lines.reduce((h, l) => h + l.s * this.lineHeight, 0);
  }

  /** A string as drawn in this document (cached per document: it adds its glyphs to the subset). */
  encode(fk: FontKey, t: string): Encoded {
    const cache = this.table(this.encoded, fk);
    let e = cache.get(t);
    if (e === undefined) {
      e = this.encodeByCharacter(fk, t);
      cache.set(t, e);
    }
    return e;
  }

  // Glyph ids character by character, with kerning adjustments as a TJ array.
  private encodeByCharacter(fk: FontKey, t: string): Encoded {
    const m = this.table(this.glyphs, fk);
    let hex = '';
    let adjusted = false;
    const parts: string[] = [];
    for (const ch of t) {
      let g = m.get(ch);
      if (g === undefined) {
        const [ids, pos] = this.font(fk).encode(ch);
        const id = ids[0];
        const p = pos[0];
        // One glyph on the baseline (anything else is drawn as pdfkit would, the whole string shaped)
        g = ids.length === 1 && id !== undefined && p && !p.xOffset && !p.yOffset ? { hex: id, adj: p.xAdvance - p.advanceWidth } : null;
        m.set(ch, g);
      }
      if (g === null) return encodeShaped(this.font(fk), t);
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
  }
}

// A string shaped as a whole, as pdfkit's text() does: a TJ operator (glyph ids of the document's
// subset, kerning adjustments), or glyphs one by one where fontkit positions some off the baseline.
function encodeShaped(font: EmbeddedFont, t: string): Encoded {
  const [hex, pos] = font.encode(t);
  const at = (i: number): GlyphPosition => pos[i] ?? { xAdvance: 0, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: 0 };
  if (pos.some((p) => p.xOffset || p.yOffset)) {
    return hex.map((h, i) => ({ hex: h, dx: at(i).xOffset, dy: at(i).yOffset, adv: at(i).xAdvance }));
  }
  const parts: string[] = [];
  let last = 0;
  for (let i = 0; i < hex.length; i++) {
    const adj = at(i).xAdvance - at(i).advanceWidth;
    if (adj !== 0 || i === hex.length - 1) {
      parts.push('<' + hex.slice(last, i + 1).join('') + '>' + (adj !== 0 ? ' ' + fnum(-adj) : ''));
      last = i + 1;
    }
  }
  return '[' + parts.join(' ') + '] TJ';
}
