/**
 * 联系电话: a Chinese mobile number (11 digits, 1[3-9]…, +86 allowed, spaced 3-4-4 or not) or a landline
 * with its area code (0574-87654321, (0574)87654321, 057487654321), an extension after it
 * (-123, 转123, 分机123, ext123). A family often gives two: several numbers may be separated by
 * 、 , ， / ; or ；. Checked alike by the form, the services and the roster import, with one message.
 */
const MOBILE = /^(?:\+?86[- ]?)?1[3-9]\d(?:[- ]?\d{4}){2}$/;
const LANDLINE = /^(?:0\d{2,3}[- ]?|\(0\d{2,3}\)|（0\d{2,3}）)[2-9]\d{6,7}(?:(?:-|转|分机|ext\.?|#)\d{1,6})?$/i;
const SEPARATORS = /[、,，/;；]/;

export const PHONE_HINT = '手机号为11位（如 13800000000）；固定电话带区号（如 0574-87654321），分机写在后面（如 0574-87654321-123）；多个号码用“、”分开';

/** Null when every number in the text is a phone number; otherwise what is wrong, in Chinese. */
export function phoneProblem(text: string): string | null {
  const parts = text.split(SEPARATORS).map((p) => p.trim());
  const bad = parts.filter((p) => !MOBILE.test(p) && !LANDLINE.test(p));
  if (bad.length === 0) return null;
  const shown = bad.map((p) => (p ? `“${p}”` : '空号码')).join('、');
  return `联系电话${shown}不是电话号码：${PHONE_HINT}`;
}
