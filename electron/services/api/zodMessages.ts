/**
 * What a validation says when the contract's schema gives no message of its own, in Chinese and in
 * the user's words. zod's zh-CN locale names types and keys in English ("期望 string", "未知的键(key):
 * \"zz\""), which a user cannot act on; the field itself is named by its label (shared/api/labels.ts).
 * A message a schema states (`'姓名最多50个字'`) always wins over these.
 */
import type { z } from 'zod';

type Issue = z.core.$ZodRawIssue;

const TYPES: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: '是或否',
  array: '一组值',
  object: '一组内容',
  date: '日期',
};

function limit(origin: string, n: number | bigint, big: boolean, inclusive: boolean | undefined): string {
  const v = Number(n);
  if (origin === 'string') return big ? `最多${v}个字` : v <= 1 ? '不能为空' : `至少${v}个字`;
  if (origin === 'array' || origin === 'set') return big ? `最多${v}项` : v <= 1 ? '至少选择一项' : `至少${v}项`;
  if (big) return inclusive === false ? `应小于${v}` : `不能大于${v}`;
  return inclusive === false ? `应大于${v}` : `不能小于${v}`;
}

export function chineseIssueMessage(iss: Issue): string {
  switch (iss.code) {
    case 'invalid_type':
      return iss.input === undefined ? '必须填写' : `应为${TYPES[iss.expected] ?? '正确的内容'}`;
    case 'too_big':
      return limit(iss.origin, iss.maximum, true, iss.inclusive);
    case 'too_small':
      return limit(iss.origin, iss.minimum, false, iss.inclusive);
    case 'invalid_format':
      return '格式不对';
    case 'invalid_value':
      return '不是可选的值之一，请从列表中选择';
    case 'not_multiple_of':
      return '数值的精度不对';
    case 'unrecognized_keys':
      return '含有本程序不认识的内容';
    default:
      return '内容无效，请核对';
  }
}
