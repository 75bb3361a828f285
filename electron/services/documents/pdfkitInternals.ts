/**
 * The parts of pdfkit (and a few of pdfmake) that the PDF code uses beyond their typed public API, declared
 * in this one place. The form documents (formDraw.ts) write their page content as PDF operators and keep
 * pdfkit for the document around them (pages, the font subset, compression, metadata), which needs
 * pdfkit's embedded-font object; pdfmake (pdfmakeRender.ts) is served the fonts from memory.
 *
 * Each was read in pdfkit 0.19.1 (js/pdfkit.js: PDFDocument, EmbeddedFont) and pdfmake 0.3.11 (js/index.js,
 * js/virtual-fs.js), the exact versions package.json pins. A pdfkit, fontkit or pdfmake upgrade must
 * re-check every declaration here against the new sources, then the package hashes
 * (tests/unit/documents/packageBytes.test.ts): submitted packages are verified byte for byte.
 */
import { createRequire } from 'node:module';
import type PDFDocument from 'pdfkit';
import type * as PdfMake from 'pdfmake';

// Both libraries are required, never imported: pdfmake is CommonJS and requires pdfkit, which requires
// fontkit, so requiring pdfkit here gives the one instance pdfmake uses, the same code under vitest
// and in the bundles (an import could resolve pdfkit's and fontkit's ES builds instead).
const requireHere = createRequire(import.meta.url);

/** fontkit's position of a glyph as pdfkit's EmbeddedFont returns it, scaled to 1/1000 em. */
export interface GlyphPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  /** the glyph's own advance; xAdvance differs from it by the kerning fontkit applied */
  advanceWidth: number;
}

/**
 * pdfkit's EmbeddedFont (a TrueType/OpenType font embedded as a subset), as `doc.font(name)._font`.
 * Used to measure and encode text without pdfkit's text(), which costs a small Buffer per operator.
 */
export interface EmbeddedFont {
  /** the font's resource name on the pages (`F1`, `F2`): what `Tf` refers to */
  readonly id: string;
  /** the width of a string at `size` points (fontkit layout, as text() measures) */
  widthOfString(text: string, size: number): number;
  /** glyph ids of the document's subset as 4-digit hex, and their positions; adds the glyphs to the subset */
  encode(text: string): [string[], GlyphPosition[]];
  /** the font's PDF object, embedded when the document ends */
  ref(): unknown;
  /** the fontkit font it embeds: whether it has a glyph for a character (fontFallback.ts) */
  readonly font: FontkitFont;
}

/** The part of a fontkit font the fallback uses: whether the font has a glyph for a code point. */
export interface FontkitFont {
  hasGlyphForCodePoint(codePoint: number): boolean;
}

/**
 * A font file opened with fontkit (the instance pdfkit uses): `family` picks a face of a TrueType
 * collection. For pdfmake's documents, whose fonts pdfmake opens itself (pdfmakeRender.ts).
 */
export function openFont(src: Buffer, family?: string): FontkitFont {
  const fontkit = createRequire(requireHere.resolve('pdfkit'))('fontkit') as { create(b: Buffer, postscriptName?: string): FontkitFont };
  return fontkit.create(src, family);
}

export type PdfKitDocument = typeof PDFDocument;

/**
 * A document with no default font. `font: null` is not in pdfkit's types (`font?: string`): given
 * null, PDFDocument's initFonts loads nothing, where the default would load Helvetica and put it in
 * the file.
 */
export function newPdfKitDocument(options: Omit<PDFKit.PDFDocumentOptions, 'font'>): PdfKitDocument {
  const Ctor = requireHere('pdfkit') as unknown as new (o: Omit<PDFKit.PDFDocumentOptions, 'font'> & { font: null }) => PdfKitDocument;
  return new Ctor({ ...options, font: null });
}

/** Selects a registered font and returns pdfkit's object for it (`_font`, not in the types). */
export function embeddedFont(doc: PdfKitDocument, name: string): EmbeddedFont {
  return (doc.font(name) as unknown as { _font: EmbeddedFont })._font;
}

/**
 * Puts a font in the current page's resources: pdfkit's text() does this for the fonts it draws
 * with; content written with addContent() must do it itself (`page.fonts` is `any` in the types).
 */
export function useFontOnPage(doc: PdfKitDocument, font: EmbeddedFont): void {
  (doc.page.fonts as Record<string, unknown>)[font.id] = font.ref();
}

/** pdfmake's in-memory file system, where fonts are served from (not in @types/pdfmake). */
interface VirtualFs {
  writeFileSync(name: string, content: Buffer): void;
}

/**
 * pdfmake's fonts: a face is a file, or `[file, face]` for one face of a TrueType collection (.ttc), which
 * pdfmake passes on to pdfkit's font(file, family); @types/pdfmake knows only the file.
 */
export type PdfMakeFonts = Record<string, Record<'normal' | 'bold', string | [string, string]>>;

export type PdfMakeNode = Omit<typeof PdfMake, 'setFonts'> & { virtualfs: VirtualFs; setFonts(fonts: PdfMakeFonts): void };

/**
 * pdfmake's Node entry is `module.exports = new pdfmake()`: one instance whose methods the types
 * describe as named exports (an ES namespace import would not see the methods of an instance).
 */
export function loadPdfMake(): PdfMakeNode {
  return requireHere('pdfmake') as PdfMakeNode;
}
