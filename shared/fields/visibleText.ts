/**
 * Names, ID numbers and record numbers hold only characters one can see. Refused, wherever such text
 * comes in (the forms through the contract, a dataset file): the C0 and C1 control characters (a NUL
 * inside an ID number ends it early for every C library that reads it back), and the invisible
 * formatting characters, above all the bidirectional overrides (U+202E shows 张三 as 三张 on screen
 * and on paper while the stored text says otherwise) and zero-width spaces (two names that look the
 * same and are not).
 */
import { z } from 'zod';

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const INVISIBLE = /[\u0000-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/;

// An unpaired UTF-16 surrogate (a JSON "\ud800" escape, a string cut in the middle of 𠮷): no character
// at all; stored, SQLite writes it as bytes that are not UTF-8 (ED A0 80), which nothing reads back.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The first invisible character of a text as U+XXXX with its place (from 1), or null; `broken`: half of a character. */
export function invisibleCharacter(text: string): { code: string; at: number; broken: boolean } | null {
  const invisible = INVISIBLE.exec(text);
  const lone = LONE_SURROGATE.exec(text);
  const m = lone && (!invisible || lone.index < invisible.index) ? lone : invisible;
  if (!m) return null;
  return {
    code: `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
    at: [...text.slice(0, m.index)].length + 1,
    broken: m === lone,
  };
}

/** What to say of a field holding one, or null when it holds none. */
export function invisibleCharacterProblem(label: string, text: string): string | null {
  const found = invisibleCharacter(text);
  if (!found) return null;
  return found.broken
    ? `${label}含有不完整的字符（${found.code}，第 ${found.at} 个字符，半个字的编码），请删除后重新输入`
    : `${label}含有看不见的控制字符（${found.code}，第 ${found.at} 个字符），请删除后重新输入`;
}

/** A contract string field that refuses them (after its own checks: `visible(z.string().max(50), '姓名')`). */
export const visible = <T extends z.ZodType<string>>(schema: T, label: string) =>
  schema.superRefine((text, ctx) => {
    const problem = invisibleCharacterProblem(label, text);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
