/**
 * Characters the document font lacks, drawn from the fallback font one at a time (fonts.ts: Noto Sans SC,
 * then 花園明朝B for CJK Extensions B–F, then BabelStone Han for G and H). People's names on ID cards use
 * such characters (𠮷, 𪚥, 𰀀); without a glyph they printed as boxes and pdftotext lost them.
 *
 * The fallback's files have characters of the supplementary planes only (U+20000 on: copy-fonts.mjs
 * indexes no other), so a string without a surrogate never needs it: that test is all a document
 * without rare characters pays, and its bytes stay what they were. A fallback file becomes a font of
 * the document only when a character of it is drawn, embedded as a subset like the others, with the
 * ToUnicode map pdftotext reads.
 *
 * Both renderers use it: the form documents split runs into pieces by font (formText.ts), the pdfmake
 * documents get inline pieces with the fallback's font (pdfmakeFallback below).
 */
import type { Content } from 'pdfmake/interfaces';
import type { FallbackFace, FallbackFaces } from './fontBytes';
import { embeddedFont, type EmbeddedFont, type PdfKitDocument } from './pdfkitInternals';

const SURROGATE = /[\uD800-\uDBFF]/;

/** Whether a string may have a character only the fallback has (one of the supplementary planes). */
export function mayNeedFallback(t: string): boolean {
  return SURROGATE.test(t);
}

/** A string as consecutive pieces drawn by the same font (`fontOf` of each character's code point). */
export function splitByFont<K>(t: string, fontOf: (codePoint: number) => K): { k: K; t: string }[] {
  const pieces: { k: K; t: string }[] = [];
  let last: { k: K; t: string } | undefined;
  for (const ch of t) {
    const k = fontOf(ch.codePointAt(0) ?? 0);
    if (last && last.k === k) last.t += ch;
    else pieces.push((last = { k, t: ch }));
  }
  return pieces;
}

/** The fallback's face for a character a form document's fonts lack, embedded in that document. */
export type FallbackResolver = (codePoint: number) => { name: string; font: EmbeddedFont; face: string } | null;

/** How a fallback file is named among a document's fonts (`xHanaMinB-ExtB-03`). */
export const fallbackKey = (name: string): `x${string}` => `x${name}`;

/**
 * The fallback for a pdfkit document: a file is registered with the document the first time one of its
 * characters is needed (pdfkit then names it F3, F4… in that order, after regular and bold).
 */
export function pdfkitFallback(doc: PdfKitDocument, faces: FallbackFaces | undefined): FallbackResolver | undefined {
  if (!faces) return undefined;
  const fonts = new Map<string, EmbeddedFont>();
  return (cp) => {
    const face = faces.faceFor(cp);
    if (!face) return null;
    const name = fallbackKey(face.name);
    let font = fonts.get(name);
    if (!font) {
      doc.registerFont(name, face.src);
      fonts.set(name, (font = embeddedFont(doc, name)));
    }
    // the index lists what each file has; the font is asked too, so a wrong index draws a box, not nothing
    return font.font.hasGlyphForCodePoint(cp) ? { name: face.name, font, face: face.key } : null;
  };
}

/** pdfmake's name of a fallback file's font family. */
export const fallbackFamily = (face: FallbackFace): string => `ltc-fallback-${face.name}`;

/** The fallback for a pdfmake document: its content and footer with rare characters set in the fallback's font. */
export interface PdfmakeFallback {
  /** content with every string pdfmake draws as text split into inline pieces where needed; the same object when none is */
  content(c: Content): Content;
  /** a string as text: itself, or inline pieces (`[ '张', { text: '𠮷', font: … } ]`) */
  text(t: string): string | Content[];
  /** the fallback's files the document uses: each is a font family of the document (fallbackFamily) */
  used(): FallbackFace[];
}

/**
 * Strings are looked at where pdfmake draws them as text (content, `text`, `stack`, `columns`, lists
 * and table cells), never style or layout names. `has` says whether the document's fonts (regular and
 * bold) both have a character; it is asked only about characters of the supplementary planes.
 */
export function pdfmakeFallback(has: (codePoint: number) => boolean, faces: FallbackFaces | undefined): PdfmakeFallback | null {
  if (!faces) return null;
  const used = new Map<string, FallbackFace>();
  let split = 0; // strings set in pieces so far
  const faceOf = (cp: number): FallbackFace | null => {
    if (cp <= 0xffff || has(cp)) return null;
    const face = faces.faceFor(cp);
    if (face) used.set(face.name, face);
    return face;
  };
  const text = (t: string): string | Content[] => {
    if (!mayNeedFallback(t)) return t;
    const pieces = splitByFont(t, faceOf);
    if (pieces.every((p) => p.k === null)) return t;
    split++;
    return pieces.map((p) => (p.k ? { text: p.t, font: fallbackFamily(p.k) } : p.t));
  };
  // An inline of a text array becomes its pieces in place: ['a', '𠮷'] → ['a', { text: '𠮷', font }], and
  // { text: '𠮷乙', bold: true } → two inlines that both keep bold (pdfmake drops the style of an inline whose
  // text is itself an array: its issue 1174).
  const inline = (x: unknown): unknown[] => {
    if (typeof x === 'string') {
      const t = text(x);
      return typeof t === 'string' ? [t] : t;
    }
    if (!x || typeof x !== 'object' || Array.isArray(x) || typeof (x as { text?: unknown }).text !== 'string') return [node(x)];
    const o = x as Record<string, unknown> & { text: string };
    const t = text(o.text);
    return typeof t === 'string' ? [o] : t.map((p) => (typeof p === 'string' ? { ...o, text: p } : { ...o, ...(p as object) }));
  };
  const textValue = (t: unknown): unknown => (typeof t === 'string' ? text(t) : Array.isArray(t) ? t.flatMap(inline) : node(t));
  const node = (n: unknown): unknown => {
    if (typeof n === 'string') {
      const t = text(n);
      return typeof t === 'string' ? t : { text: t };
    }
    if (Array.isArray(n)) return n.map(node);
    if (!n || typeof n !== 'object') return n;
    const o = { ...(n as Record<string, unknown>) };
    if ('text' in o) o['text'] = textValue(o['text']);
    for (const k of ['stack', 'columns', 'ul', 'ol'] as const) if (Array.isArray(o[k])) o[k] = (o[k] as unknown[]).map(node);
    const table = o['table'] as { body?: unknown } | undefined;
    if (table && Array.isArray(table.body)) o['table'] = { ...table, body: table.body.map((row: unknown) => (Array.isArray(row) ? row.map(node) : row)) };
    return o;
  };
  return {
    content: (c) => {
      if (!mayNeedFallback(JSON.stringify(c))) return c;
      const before = split;
      const out = node(c) as Content;
      return split === before ? c : out;
    },
    text,
    used: () => [...used.values()],
  };
}
