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

/** The first invisible character of a text as U+XXXX with its place (from 1), or null. */
export function invisibleCharacter(text: string): { code: string; at: number } | null {
  const m = INVISIBLE.exec(text);
  if (!m) return null;
  return { code: `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`, at: [...text.slice(0, m.index)].length + 1 };
}

/** What to say of a field holding one, or null when it holds none. */
export function invisibleCharacterProblem(label: string, text: string): string | null {
  const found = invisibleCharacter(text);
  return found ? `${label}含有看不见的控制字符（${found.code}，第 ${found.at} 个字符），请删除后重新输入` : null;
}

/** A contract string field that refuses them (after its own checks: `visible(z.string().max(50), '姓名')`). */
export const visible = <T extends z.ZodType<string>>(schema: T, label: string) =>
  schema.superRefine((text, ctx) => {
    const problem = invisibleCharacterProblem(label, text);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
