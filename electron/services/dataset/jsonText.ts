/**
 * A JSON file's bytes → its value, or a Chinese message saying where it is broken. Datasets must be
 * UTF-8: a GBK file (what Excel and Notepad write on a Chinese Windows by default) decoded as UTF-8
 * turns every name into "����" and would be stored so, so invalid bytes are refused with their offset.
 * JSON.parse's own message is V8's English (on Node 20 without a place); the user gets the line and the
 * column and what is wrong there instead, and a file cut short (a copy or download that did not finish)
 * is said to be so.
 */
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { InputError } from '../errors';

/** The offset of the first byte that does not start or continue a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    // the length of the sequence and the range its second byte may take (RFC 3629: no overlongs, no surrogates)
    let n: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) n = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      n = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      n = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      if (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf) return i;
    }
    i += n + 1;
  }
  return -1;
}

/** Strict UTF-8 (a leading BOM dropped). */
export function decodeUtf8(bytes: Uint8Array, fileName: string): string {
  const bad = firstInvalidUtf8Byte(bytes);
  if (bad >= 0) {
    throw new InputError(
      `文件 ${fileName} 不是 UTF-8 编码：从第 ${bad + 1} 个字节起无法读取（常见原因：用记事本或 Excel 存成了 GBK/ANSI 编码）。` +
        '请用记事本“另存为”并选择 UTF-8 编码，或从本程序重新导出',
    );
  }
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

/** Line and column (both from 1) of a character offset in a text. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line += 1;
      start = i + 1;
    }
  }
  return { line, column: Math.min(offset, text.length) - start + 1 };
}

/** JSON.parse with the place of the first problem in Chinese. `hint` says what the file should be. */
export function parseJson(text: string, fileName: string, hint: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // V8's message has no position on Node 20; jsonc-parser (VS Code's JSON reader) finds the first
    // error's offset. It is only run on a file JSON.parse has already refused.
    const errors: ParseError[] = [];
    try {
      parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    } catch (e) {
      // jsonc-parser recurses once a level: a broken file nested some 10,000 levels deep overflows the stack
      // (it reached the host as an INTERNAL error); JSON.parse itself does not recurse
      if (!(e instanceof RangeError)) throw e;
      throw new InputError(`文件 ${fileName} 不是有效的 JSON：嵌套层数过多（数组或对象套了上万层），无法定位出错的位置。${hint}`);
    }
    const first = errors[0];
    const offset = first?.offset ?? text.length;
    const { line, column } = lineColumn(text, offset);
    const truncated = !first || offset >= text.trimEnd().length || printParseErrorCode(first.error) === 'UnexpectedEndOfString';
    const what = truncated
      ? `在第 ${line} 行第 ${column} 列提前结束（文件不完整：可能没有复制或下载完）`
      : `第 ${line} 行第 ${column} 列格式有误（${PROBLEM[printParseErrorCode(first.error)] ?? '此处不符合 JSON 格式'}，附近的内容：“${near(text, offset)}”）`;
    throw new InputError(`文件 ${fileName} 不是有效的 JSON：${what}。${hint}`);
  }
}

/** jsonc-parser's error codes, as a user would fix them. */
const PROBLEM: Record<string, string> = {
  InvalidSymbol: '有多余或无法识别的字符',
  InvalidNumberFormat: '数字写法不对',
  PropertyNameExpected: '缺少带引号的字段名（或多了一个逗号）',
  ValueExpected: '缺少值（或多了一个逗号）',
  ColonExpected: '字段名后缺少冒号',
  CommaExpected: '缺少逗号',
  CloseBraceExpected: '缺少右花括号 }',
  CloseBracketExpected: '缺少右方括号 ]',
  EndOfFileExpected: '内容结束后还有多余的字符',
  InvalidCommentToken: 'JSON 不允许注释',
  UnexpectedEndOfComment: 'JSON 不允许注释',
  UnexpectedEndOfString: '引号没有闭合',
  UnexpectedEndOfNumber: '数字不完整',
  InvalidUnicode: '\\u 转义写法不对',
  InvalidEscapeCharacter: '反斜杠转义写法不对',
  InvalidCharacter: '字符串中有换行等控制字符',
};

/** The text around a place, on one line. */
function near(text: string, offset: number): string {
  return text.slice(Math.max(0, offset - 12), offset + 12).replace(/\s+/g, ' ');
}
