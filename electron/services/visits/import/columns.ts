/**
 * The columns of a visit import and the header names caregiver apps use for them. Headers are
 * compared after dropping spaces, asterisks (required marks) and bracketed notes such as
 * “（必填）” or “(YYYY-MM-DD HH:mm)”, so the template's own headers and the apps' variants all match.
 */
import { InputError } from '../../errors';
import type { Cell, TableRow } from './readTable';

export type Field =
  | 'residentId'
  | 'residentName'
  | 'staffId'
  | 'staffName'
  | 'start'
  | 'end'
  | 'items'
  | 'confirmed'
  | 'inLat'
  | 'inLng'
  | 'outLat'
  | 'outLng'
  | 'externalRef'
  | 'note';

/** Standard header (as in the template), then aliases. */
export const COLUMNS: readonly { field: Field; header: string; aliases: string[]; note: string }[] = [
  {
    field: 'residentId',
    header: '服务对象身份证号',
    aliases: ['身份证号', '服务对象证件号', '服务对象证件号码', '对象身份证号', '被服务人身份证号', '老人身份证号', '证件号码'],
    note: '18位；与“服务对象姓名”至少填一项，同名时必须填身份证号',
  },
  {
    field: 'residentName',
    header: '服务对象姓名',
    aliases: ['服务对象', '姓名', '被服务人', '被服务人姓名', '老人姓名', '客户姓名', '对象姓名'],
    note: '与系统中登记的姓名一致',
  },
  {
    field: 'staffId',
    header: '护理人员身份证号',
    aliases: ['护理员身份证号', '服务人员身份证号', '员工身份证号', '护工身份证号'],
    note: '与“护理人员姓名”至少填一项',
  },
  {
    field: 'staffName',
    header: '护理人员姓名',
    aliases: ['护理人员', '护理员', '护理员姓名', '服务人员', '服务人员姓名', '护工', '护工姓名', '员工姓名'],
    note: '与“员工与证书”中登记的姓名一致',
  },
  { field: 'start', header: '开始时间', aliases: ['服务开始时间', '签到时间', '开始', '服务开始'], note: 'YYYY-MM-DD HH:mm，例如 2026-10-02 09:00' },
  { field: 'end', header: '结束时间', aliases: ['服务结束时间', '签退时间', '结束', '服务结束'], note: 'YYYY-MM-DD HH:mm，不早于开始时间' },
  {
    field: 'items',
    header: '服务项目编码',
    aliases: ['项目编码', '服务项目', '服务项目代码', '项目代码', '服务内容编码', '服务内容'],
    note: '目录中的编码，多个用“、”“,”“;”或空格分隔，例如 LC01、LC08',
  },
  {
    field: 'confirmed',
    header: '签字确认',
    aliases: ['是否签字', '是否签字确认', '签字', '确认', '是否确认', '服务对象确认'],
    note: '是 / 否；未签字的记录可导入，但签字前不计入结算',
  },
  { field: 'inLat', header: '签到纬度', aliases: ['签到位置纬度'], note: '可不填；例如 29.8891' },
  { field: 'inLng', header: '签到经度', aliases: ['签到位置经度'], note: '可不填；例如 121.5602' },
  { field: 'outLat', header: '签退纬度', aliases: ['签退位置纬度'], note: '可不填' },
  { field: 'outLng', header: '签退经度', aliases: ['签退位置经度'], note: '可不填' },
  {
    field: 'externalRef',
    header: '外部编号',
    aliases: ['记录编号', '服务单号', '服务记录编号', '工单号', '订单号', '外部单号', '编号'],
    note: '护理App中的记录号；已导入过的编号会自动跳过，避免重复',
  },
  { field: 'note', header: '备注', aliases: ['说明', '服务备注'], note: '可不填' },
];

export const normalizeHeader = (h: string): string =>
  h
    .replace(/^\uFEFF/, '')
    .replace(/[（(【[].*?[）)】\]]/g, '')
    .replace(/[\s*＊:：]/g, '');

const BY_NAME = new Map<string, Field>();
for (const c of COLUMNS) for (const name of [c.header, ...c.aliases]) BY_NAME.set(normalizeHeader(name), c.field);

export const headerOf = (field: Field): string => COLUMNS.find((c) => c.field === field)!.header;

export interface ColumnMap {
  /** header row's number */
  headerRow: number;
  /** field → cell index */
  index: Partial<Record<Field, number>>;
  /** field → the header as written in the file (for messages the user can find in the file) */
  headers: Partial<Record<Field, string>>;
  ignored: string[];
}

/** The header row is the first of the first five rows that names at least two known columns. */
export function mapColumns(rows: readonly TableRow[]): ColumnMap {
  const candidates = rows.slice(0, 5);
  const header = candidates.find((r) => r.cells.filter((c) => typeof c === 'string' && BY_NAME.has(normalizeHeader(c))).length >= 2);
  if (!header) {
    throw new InputError(`没有找到列名行：文件前几行中应有“开始时间”“结束时间”“服务项目编码”等列名。请下载导入模板对照，列名须在数据上方的一行。`);
  }
  const index: ColumnMap['index'] = {};
  const headers: ColumnMap['headers'] = {};
  const ignored: string[] = [];
  header.cells.forEach((cell: Cell, i) => {
    if (cell === null) return;
    const text = String(cell);
    const field = BY_NAME.get(normalizeHeader(text));
    if (field && index[field] === undefined) {
      index[field] = i;
      headers[field] = text;
    } else ignored.push(text);
  });
  const missing: string[] = [];
  if (index.residentId === undefined && index.residentName === undefined) missing.push('服务对象身份证号（或服务对象姓名）');
  if (index.staffId === undefined && index.staffName === undefined) missing.push('护理人员身份证号（或护理人员姓名）');
  for (const f of ['start', 'end', 'items'] as const) if (index[f] === undefined) missing.push(headerOf(f));
  if (missing.length > 0) {
    throw new InputError(
      `文件缺少必需的列：${missing.join('、')}。请在第 ${header.row} 行（列名行）补上这些列，或下载导入模板对照。`,
      missing.map((m) => ({ path: m, message: '缺少此列' })),
    );
  }
  return { headerRow: header.row, index, headers, ignored };
}
