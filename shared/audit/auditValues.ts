/**
 * A logged value as the screens write it, chosen by its field: money in 元 with two decimals (the trail
 * keeps fen, docs/rules.md §5), the domain's enums in Chinese (the glossary), times as `YYYY-MM-DD HH:mm`,
 * yes/no. A value this module does not know is returned as it is; masking ID numbers is the caller's.
 */
import {
  CARE_MODE_NAMES,
  CERTIFICATE_NAMES,
  CLAIM_KIND_NAMES,
  CLAIM_STATUS_NAMES,
  INSURANCE_TYPE_NAMES,
  LEVEL_NAMES,
  LINE_RESULT_NAMES,
  STAFF_ROLE_NAMES,
  STAY_EVENT_NAMES,
} from '../domain/glossary';
import { formatYuan } from '../domain/money';
import { findPolicyPack } from '../policy/registry';
import { camelKey } from './auditWords';

/** Enum fields and their words. `type` serves certificates and stay events alike: their values differ. */
const ENUMS: Record<string, Record<string, string>> = {
  type: { ...CERTIFICATE_NAMES, ...STAY_EVENT_NAMES },
  mode: CARE_MODE_NAMES,
  // a staff member's post, or a user's role (shared/api/auth.ts ROLE_NAMES; `admin` is 管理员 in both)
  role: { ...STAFF_ROLE_NAMES, head_nurse: '护士长', director: '院长', clerk: '录入员' },
  insuranceType: INSURANCE_TYPE_NAMES,
  kind: CLAIM_KIND_NAMES,
  status: CLAIM_STATUS_NAMES,
  result: LINE_RESULT_NAMES,
  // a dataset import's outcome for the institution's record
  institution: { created: '新建', updated: '已更新', unchanged: '未变' },
  // where a backup was exported to, when not a folder
  to: { download: '浏览器下载' },
};

/** Timestamps as stored (`2026-10-02T09:00`, `2026-10-02T09:00:00.123+08:00`), to the minute or second given. */
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?$/;

const isMoneyKey = (key: string): boolean => /Fen$/.test(key);

function bytesText(n: number): string {
  if (n < 1024) return `${n} 字节`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * `key` is the field's own key (see `lastKey`), snake_case or camelCase. Returns the words for the
 * value, or undefined when the field is not one of the known kinds and the value is shown as given.
 */
export function auditValueText(key: string, value: string | number | boolean): string | undefined {
  const k = camelKey(key);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') {
    if (isMoneyKey(k) && Number.isInteger(value)) return `${formatYuan(value)} 元`;
    if (k === 'level' && Number.isInteger(value) && value >= 0 && value <= 5) return `${value}级 ${LEVEL_NAMES[value as 0]}`;
    if (k === 'bytes') return bytesText(value);
    if (k === 'seq') return value === 0 ? '无（月度申报）' : `第 ${value} 次补报`;
    if (k === 'excludedRows' || k === 'row') return `第${value}行`;
    return undefined;
  }
  const named = ENUMS[k]?.[value];
  if (named !== undefined) return named;
  if (k === 'policy') {
    const pack = findPolicyPack(value);
    return pack ? `${pack.title}（${value}）` : undefined;
  }
  const time = TIMESTAMP.exec(value);
  if (time) return `${time[1]} ${time[2]}${time[3] ?? ''}`;
  return undefined;
}
