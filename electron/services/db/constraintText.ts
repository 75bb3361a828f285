/**
 * A refusal by one of SQLite's constraints, in the user's words. SQLite names tables and columns
 * (`UNIQUE constraint failed: beds.code`); the user is told what is duplicated or missing by the
 * field's Chinese name, never by the column's (issue 14). Such a refusal means a check before the
 * write was missing, so the raw message is logged for support; it never reaches the screen, except a
 * trigger's RAISE message, which the app's own migrations word for the user.
 */
const COLUMN_LABELS: Readonly<Record<string, string>> = {
  'residents.ref': '服务对象编号',
  'residents.name': '姓名',
  'residents.id_number': '身份证号',
  'staff.ref': '员工编号',
  'staff.name': '姓名',
  'staff.id_number': '身份证号',
  'beds.code': '床位号',
  'visits.ref': '服务记录编号',
  'visits.external_ref': '外部编号',
  'visits.start_at': '开始时间',
  'visits.end_at': '结束时间',
  'certificates.number': '证书编号',
  'assessments.concluded_on': '结论日期',
  'stay_events.date': '日期',
  'institution.name': '机构名称',
  'claims.month': '月份',
};

function labels(columns: string): string | null {
  const names = columns.split(',').map((c) => COLUMN_LABELS[c.trim()]);
  return names.every((n): n is string => !!n) ? [...new Set(names)].join('、') : null;
}

/** `code`: SQLite's extended code; a trigger's RAISE carries the app's own words and is shown as written. */
export function constraintText(sqliteMessage: string, code = ''): string {
  const tail = '。请核对后重试；如反复出现，请联系技术支持。';
  if (code === 'SQLITE_CONSTRAINT_TRIGGER') return `数据不符合要求，未保存：${sqliteMessage}${tail}`;
  const unique = /UNIQUE constraint failed: (.+)$/.exec(sqliteMessage);
  const notNull = /NOT NULL constraint failed: (.+)$/.exec(sqliteMessage);
  let what: string;
  if (unique) what = `${labels(unique[1]!) ?? '这条记录'}与已有记录重复`;
  else if (notNull) what = `${labels(notNull[1]!) ?? '必填的内容'}没有填写`;
  else if (/FOREIGN KEY/.test(sqliteMessage)) what = '所引用的记录不存在（可能已被删除），或仍被其他记录使用';
  else what = '有内容不符合要求（日期、时间或数值的格式、范围）';
  return `数据不符合要求，未保存：${what}${tail}`;
}
