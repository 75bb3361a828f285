/** The audit screen's words (zh-CN), and readable names for the trail's actions, records and fields. */
export const S = {
  title: '审计日志',
  subtitle: '谁在何时改了什么：所有新增、修改、删除、导入和导出都记在这里，只能查看，不能修改',
  filterDates: ['开始日期', '结束日期'] as [string, string],
  actor: '操作人',
  action: '操作',
  entity: '对象',
  search: '搜索姓名、编号或内容',
  col: { at: '时间', actor: '操作人', action: '操作', entity: '对象', subject: '记录', changes: '改动' },
  changesCount: (n: number) => `${n} 项`,
  field: '字段',
  before: '修改前',
  after: '修改后',
  none: '（无）',
  truncated: '改动较多，只列出前 200 项',
  noChanges: '没有记录字段内容',
  total: (n: number) => `共 ${n} 条`,
};

export const ACTION_NAMES: Record<string, string> = {
  create: '新增',
  update: '修改',
  delete: '删除',
  import: '导入',
  export: '导出',
  submit: '申报',
  supplement: '补报',
  correct: '更正',
  settle: '结算',
  'import-result': '导入审核结果',
  backup: '备份',
  restore: '恢复',
};

export const ENTITY_NAMES: Record<string, string> = {
  visit: '上门服务',
  resident: '服务对象',
  staff: '员工',
  certificate: '证书',
  assessment: '评估结论',
  'stay-event': '入住记录',
  bed: '床位',
  roster: '排班',
  institution: '机构设置',
  dataset: '数据文件',
  claim: '结算申报',
  'claim-result': '审核结果',
  report: '报表',
  catalogue: '服务项目目录',
  database: '数据库',
  'app-setting': '系统设置',
};

/** Names of record fields, by the last part of a path (`checkIn.lat` → 签到位置 · 纬度). */
export const FIELD_NAMES: Record<string, string> = {
  ref: '编号',
  updateFeedUrl: '更新服务器地址',
  resident: '服务对象',
  staff: '护理人员',
  start: '开始时间',
  end: '结束时间',
  minutes: '时长（分钟）',
  items: '服务项目',
  confirmed: '签字确认',
  checkIn: '签到位置',
  checkOut: '签退位置',
  lat: '纬度',
  lng: '经度',
  note: '备注',
  externalRef: '外部编号',
  correctionReason: '更正原因',
  file: '文件',
  sha256: '文件校验值',
  added: '新增条数',
  skipped: '跳过条数',
  skippedDuplicates: '跳过（已导入过）',
  excluded: '排除行数',
  excludedRows: '排除的行',
  refs: '记录编号',
  name: '名称',
  idNumber: '身份证号',
  phone: '电话',
  address: '地址',
  insuranceType: '参保类型',
  role: '岗位',
  employedFrom: '入职日期',
  employedTo: '离职日期',
  certificates: '证书',
  assessments: '评估结论',
  events: '入住记录',
  level: '等级',
  concludedOn: '结论日期',
  issuedOn: '发证日期',
  expiresOn: '有效期至',
  number: '编号',
  type: '类型',
  date: '日期',
  mode: '护理方式',
  bed: '床位',
  uscc: '统一社会信用代码',
  agencyCode: '定点机构编码',
  region: '统筹区',
  policy: '政策包',
  beds: '床位数',
  prices: '价格表',
  dailyFeeFen: '日护理费（分）',
  hourlyFeeFen: '每小时收费（分）',
  visitFeeFen: '每次收费（分）',
  institution: '机构',
  summary: '汇总',
  month: '月份',
  visits: '上门服务',
  residents: '服务对象',
};

/** `certificates[0].expiresOn` → `证书 1 · 有效期至`; unknown parts stay as written. */
export function fieldLabel(path: string): string {
  return path
    .split('.')
    .map((part) => {
      const m = /^([^[]+)((?:\[\d+\])*)$/.exec(part);
      if (!m) return part;
      const idx = [...m[2]!.matchAll(/\[(\d+)\]/g)].map((x) => ` ${Number(x[1]) + 1}`).join('');
      return `${FIELD_NAMES[m[1]!] ?? m[1]}${idx}`;
    })
    .join(' · ');
}
