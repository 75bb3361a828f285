/**
 * Text as people type it into a form cell or a spreadsheet, before any field reads it: a Chinese IME
 * in full-width mode gives ２０２６－１０－０２ and ３３０２…Ｘ, and the ideographic space.
 */

/** Full-width digits, letters and the punctuation of dates, times and amounts as ASCII; the ideographic space (U+3000) as a space. */
export const halfWidth = (s: string): string =>
  s.replace(/[０-９Ａ-Ｚａ-ｚ．－／：，]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');

/** A choice as typed, for comparing with its spellings: half-width, no spaces, lower case. */
export const spellingKey = (s: string): string => halfWidth(s).replace(/\s/g, '').toLowerCase();
