/**
 * What every PDF of the package shares: A4, the embedded CJK font, the title block, metadata dated
 * from the claim (never the clock, so regenerating gives the same bytes) and the page footer.
 * Table layouts are referred to by name (tableLayouts.ts).
 */
import type { Content, ContentText, PageOrientation, StyleDictionary, TableCell, TableCellProperties, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { LocalDate, Month } from '../../../shared/domain/model';
import { documentDate, monthLabel } from './format';
import type { PdfmakeSpec } from './pdfSpec';

export const PDF_FONT = 'NotoSansSC';
/** 全角空格: how Chinese forms set fields apart on one line. */
export const GAP = '\u3000';
export const GAP2 = GAP + GAP;
export const PDF_CREATOR = '长护助手';

/**
 * What every page of a draft package carries (the summary, the attachments, 问题清单): a draft reviewed
 * before submitting must never pass for the claim itself. A submitted package carries none.
 */
export const DRAFT_MARK = '草稿（未申报）';
/** The watermark's look: large, grey, diagonal, behind nothing that must stay legible. */
export const DRAFT_STYLE = { size: 60, color: '#8c8c8c', opacity: 0.3 } as const;

export type TextCell = ContentText & TableCellProperties;

/** A text cell; `props` adds style, colSpan, fill. */
export function cell(text: ContentText['text'], props: Omit<TextCell, 'text'> = {}): TextCell {
  return { text, ...props };
}

/** The empty cells a colSpan covers (pdfmake wants them present). */
export function spanned(n: number): TableCell[] {
  return Array.from({ length: n }, (): TableCell => ({}));
}

/** left, top, right, bottom */
export const PAGE_MARGINS: readonly [number, number, number, number] = [36, 36, 36, 40];

const STYLES: StyleDictionary = {
  title: { fontSize: 16, bold: true, alignment: 'center', margin: [0, 0, 0, 4] },
  subtitle: { fontSize: 9, alignment: 'center', color: '#333333', margin: [0, 0, 0, 8] },
  h2: { fontSize: 10.5, bold: true, margin: [0, 8, 0, 4] },
  th: { bold: true, alignment: 'center' },
  num: { alignment: 'right' },
  center: { alignment: 'center' },
  note: { fontSize: 7.5, color: '#444444' },
  person: { bold: true, fontSize: 9 },
};

export interface DocMeta {
  /** the document's name, as in its file name: 结算申报汇总表 */
  title: string;
  institution: { name: string; uscc: string; agencyCode: string };
  month: Month;
  kind: 'regular' | 'supplementary';
  generatedOn: LocalDate;
  /** `第2部分，共5部分` for a split document */
  part?: string;
  orientation?: PageOrientation;
  /** a draft package: DRAFT_MARK on every page */
  draft?: boolean;
}

export function kindLabel(kind: DocMeta['kind']): string {
  return kind === 'supplementary' ? '补报' : '正常申报';
}

/** The heading every document opens with: title, then institution, month and kind. */
export function titleBlock(meta: DocMeta): Content[] {
  const sub = [meta.institution.name, `结算月份：${monthLabel(meta.month)}`, kindLabel(meta.kind)];
  if (meta.part) sub.push(meta.part);
  return [
    { text: `长期护理保险${meta.title}`, style: 'title' },
    { text: sub.join(GAP), style: 'subtitle' },
  ];
}

export function pdfDocument(meta: DocMeta, content: Content[]): PdfmakeSpec {
  const when = documentDate(meta.generatedOn);
  const dd: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: meta.orientation ?? 'portrait',
    pageMargins: [...PAGE_MARGINS],
    // Fixed metadata: the creator carries no version, so an upgrade alone never changes the bytes.
    info: {
      title: `${meta.title}（${monthLabel(meta.month)}）`,
      author: meta.institution.name,
      subject: `长期护理保险结算申报 ${meta.month}`,
      creator: PDF_CREATOR,
      producer: PDF_CREATOR,
      creationDate: when,
      modDate: when,
    },
    defaultStyle: { font: PDF_FONT, fontSize: 8.5, lineHeight: 1.15 },
    styles: STYLES,
    content,
  };
  if (meta.draft)
    dd.watermark = { text: DRAFT_MARK, font: PDF_FONT, bold: true, fontSize: DRAFT_STYLE.size, color: DRAFT_STYLE.color, opacity: DRAFT_STYLE.opacity };
  // the watermark is drawn on the diagonal, which text extraction does not read: the footer says it too
  const left = [meta.draft ? DRAFT_MARK : '', meta.institution.name, meta.title, monthLabel(meta.month), meta.part].filter(Boolean).join(' · ');
  return { dd, footer: { left, right: '第 {page} / {pages} 页', margin: [PAGE_MARGINS[0], 12, PAGE_MARGINS[2], 0] } };
}
