/**
 * The table layouts of the pdfmake documents (the summary), by name. A document names its layout
 * (`layout: TABLE.grid`) instead of carrying the functions: documents are data that may cross to
 * the PDF worker, functions cannot; pdfmakeRender.ts registers these where it renders.
 */
import type { CustomTableLayout } from 'pdfmake/interfaces';

/** The rules and padding the two black-ruled layouts share. */
const BLACK_RULES = {
  vLineWidth: () => 0.8,
  hLineColor: () => '#000000',
  vLineColor: () => '#000000',
  paddingLeft: () => 5,
  paddingRight: () => 5,
  paddingTop: () => 4,
  paddingBottom: () => 4,
};

export const TABLE = { grid: 'ltcGrid', form: 'ltcForm', boxes: 'ltcBoxes' } as const;

type TableName = (typeof TABLE)[keyof typeof TABLE];

const RULE = '#444444';

export const TABLE_LAYOUTS: Record<TableName, CustomTableLayout> = {
  // data tables: thin grey rules, the header rows shaded
  ltcGrid: {
    hLineWidth: () => 0.5,
    vLineWidth: () => 0.5,
    hLineColor: () => RULE,
    vLineColor: () => RULE,
    paddingLeft: () => 3,
    paddingRight: () => 3,
    paddingTop: () => 2,
    paddingBottom: () => 2,
    fillColor: (row, node) => (row < (node.table.headerRows || 0) ? '#eeeeee' : null),
  },
  // the form around the totals: black rules, more room
  ltcForm: { ...BLACK_RULES, hLineWidth: () => 0.8 },
  // Signature boxes: a label row, blank space, a date row, with no rules between them.
  ltcBoxes: { ...BLACK_RULES, hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 0.8 : 0) },
};
