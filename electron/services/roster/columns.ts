/**
 * The roster workbook's two sheets and their columns: one definition that the template is written
 * from and the upload is read by, so the file we hand out is always the file we accept. The words
 * of the enumerations come from the glossary, so the drop-down lists say what the screens say.
 */
import type { RosterSheet } from '../../../shared/api/roster';
import { CERTIFICATE_NAMES, LEVEL_NAMES, STAFF_ROLE_NAMES } from '../../../shared/domain/glossary';
import { LEVELS, STAFF_ROLES, type InsuranceType } from '../../../shared/domain/model';
import { ID_NUMBER_HINT } from '../../../shared/fields/idNumber';

export type ColumnKind = 'text' | 'id' | 'date' | 'list';

export interface ColumnDef {
  /** the header, as the template writes it and as messages name the column */
  header: string;
  kind: ColumnKind;
  required?: boolean;
  /** the template's second row: what to write, with an example */
  note: string;
  /** the template's drop-down (kind 'list') */
  options?: readonly string[];
  width: number;
  maxLength?: number;
}

export const INSURANCE_NAMES: Record<InsuranceType, string> = { employee: '职工医保', resident: '城乡居民医保' };
export const MODE_OPTIONS = ['机构', '居家'] as const;
/** `4级 重度失能Ⅱ级`: the number first, so a list pick and a typed 4 read the same. */
export const LEVEL_OPTIONS = LEVELS.map((l) => `${l}级 ${LEVEL_NAMES[l]}`);

const col = (header: string, kind: ColumnKind, note: string, width: number, more: Partial<ColumnDef> = {}): ColumnDef => ({
  header,
  kind,
  note,
  width,
  ...more,
});

export const RESIDENT_COLUMNS = [
  col('姓名', 'text', '必填，例如 王秀英', 12, { required: true, maxLength: 50 }),
  col('身份证号', 'id', `必填，${ID_NUMBER_HINT}；本列为文本格式`, 22, { required: true }),
  col('参保类型', 'list', '从下拉列表选：职工医保 / 城乡居民医保', 14, { options: Object.values(INSURANCE_NAMES) }),
  col('电话', 'text', '选填：手机如 13800000000，固话带区号如 0574-87654321', 15, { maxLength: 30 }),
  col('地址', 'text', '选填；居家护理填上门地址', 28, { maxLength: 200 }),
  col('评估等级', 'list', '从下拉列表选0–5级；填了评估结论日期则必填', 18, { options: LEVEL_OPTIONS }),
  col('评估结论日期', 'date', '例如 2026-08-20；填了评估等级则必填', 14),
  col('评估结论书编号', 'text', '选填，例如 NB2026-0831', 18, { maxLength: 60 }),
  col('评估机构', 'text', '选填，出具评估结论的机构', 20, { maxLength: 100 }),
  col('入住日期', 'date', '例如 2026-10-10；居家护理填服务开始日期；不能晚于今天', 14),
  col('护理方式', 'list', '机构 / 居家；填了入住日期则必填', 11, { options: MODE_OPTIONS }),
  col('床位', 'text', '机构护理的床位号，例如 2-201-1；居家不填', 12, { maxLength: 30 }),
] as const satisfies readonly ColumnDef[];

export const STAFF_COLUMNS = [
  col('姓名', 'text', '必填，例如 陈淑霞；一人多证时每证一行', 12, { required: true, maxLength: 50 }),
  col('身份证号', 'id', `必填，${ID_NUMBER_HINT}；本列为文本格式`, 22, { required: true }),
  col('岗位', 'list', `从下拉列表选：${STAFF_ROLES.map((r) => STAFF_ROLE_NAMES[r]).join(' / ')}`, 12, { options: STAFF_ROLES.map((r) => STAFF_ROLE_NAMES[r]) }),
  col('入职日期', 'date', '例如 2024-03-01', 14),
  col('证书类型', 'list', '从下拉列表选；无证书则本行证书各列留空', 18, { options: Object.values(CERTIFICATE_NAMES) }),
  col('证书编号', 'text', '填了证书类型则必填', 18, { maxLength: 60 }),
  col('证书等级', 'text', '选填，例如 初级、四级/中级工', 14, { maxLength: 30 }),
  col('发证日期', 'date', '填了证书类型则必填，例如 2022-07-01', 14),
  col('有效期至', 'date', '无有效期的证书留空；护士执业证书留空按5年计', 14),
] as const satisfies readonly ColumnDef[];

export type ResidentHeader = (typeof RESIDENT_COLUMNS)[number]['header'];
export type StaffHeader = (typeof STAFF_COLUMNS)[number]['header'];

export interface SheetDef {
  name: string;
  columns: readonly ColumnDef[];
}

export const SHEETS: Record<RosterSheet, SheetDef> = {
  residents: { name: '服务对象', columns: RESIDENT_COLUMNS },
  staff: { name: '员工', columns: STAFF_COLUMNS },
};

/** Rows 1 and 2 are the header and the notes; people start on row 3. */
export const FIRST_DATA_ROW = 3;
/** How far down the template carries its drop-downs and date format (a roster, not a ledger). */
export const TEMPLATE_ROWS = 2000;
