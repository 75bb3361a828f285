/**
 * The audit trail's words in Chinese: actions, kinds of record and field names, for the 审计日志 screen
 * (and any other face that shows the trail). The trail itself stores the services' English keys; this is
 * only how they are read. An action, kind or field not listed here is shown by its key, never an error:
 * the trail outlives any version of these lists.
 */

/** Verbs of the trail (`audit_log.action`). */
export const ACTION_NAMES: Record<string, string> = {
  create: '新增',
  update: '修改',
  delete: '删除',
  import: '导入',
  export: '导出',
  submit: '申报',
  supplement: '补报',
  correct: '更正',
  // `settle` is what the import of the agency's result does to a claim (it becomes 已结算).
  settle: '导入审核结果',
  'import-result': '导入审核结果',
  // a corrected result replacing the one imported before (kept as history)
  resettle: '导入更正的审核结果',
  withdraw: '撤回申报',
  verify: '校验申报文件',
  download: '下载',
  print: '打印',
  save: '保存',
  open: '打开',
  backup: '备份',
  restore: '恢复',
  // ltc encrypt, or 加密数据库 in 设置: the plain database file encrypted in place (decisions.md D37)
  encrypt: '加密数据库',
  // migration 016 hashing the rows written before the audit chain (decisions.md D33)
  chain: '建立审计哈希链',
  publish: '发布',
  // 自查: a hit marked 已核实（正常）, and that mark withdrawn
  'verify-hit': '核实为正常',
  'unverify-hit': '撤销核实',
  // users and logins (decisions.md D35)
  lockout: '连续密码错误，账户锁定',
  'change-password': '修改密码',
  'reset-password': '重置密码',
  recover: '用恢复码重设密码',
  // a 管理员 made without one (ltc user add before it issued codes) gets her recovery code
  'issue-recovery-code': '生成恢复码',
  disable: '停用',
  enable: '启用',
};

/** Kinds of record (`audit_log.entity`). */
export const ENTITY_NAMES: Record<string, string> = {
  visit: '上门服务',
  user: '用户',
  resident: '服务对象',
  staff: '员工',
  certificate: '证书',
  assessment: '评估结论',
  'stay-event': '入住记录',
  bed: '床位',
  // the roster workbook (服务对象和员工的花名册), not a duty rota
  roster: '花名册',
  institution: '机构设置',
  dataset: '数据文件',
  claim: '结算申报',
  'claim-file': '申报文件',
  'claim-package': '申报包',
  package: '申报包',
  'claim-result': '审核结果',
  report: '报表',
  catalogue: '服务项目目录',
  database: '数据库',
  audit_log: '审计日志',
  'app-setting': '系统设置',
  rota: '排班',
  'shift-type': '班次',
  'rota-rules': '排班规则',
  'care-plan': '服务计划',
  'visit-schedule': '派单',
  'plan-rules': '派单规则',
  // 检查准备 and 自查
  inspection: '检查资料',
  'inspection-settings': '检查准备设置',
  'self-audit-hit': '自查发现',
  'home-point': '住址位置',
};

/** Field names by key (snake_case keys of older rows are read as their camelCase twins). */
const FIELDS: Record<string, string> = {
  id: '内部编号',
  ref: '编号',
  residentRef: '服务对象编号',
  staffRef: '员工编号',
  residentId: '服务对象（内部编号）',
  staffId: '员工（内部编号）',
  claimId: '结算申报（内部编号）',
  resident: '服务对象',
  residents: '服务对象',
  staff: '员工',
  name: '姓名',
  idNumber: '身份证号',
  phone: '联系电话',
  address: '地址',
  insuranceType: '参保类型',
  role: '岗位',
  employedFrom: '入职日期',
  employedTo: '离职日期',
  certificates: '证书',
  assessments: '评估结论',
  events: '入住等记录',
  admissions: '入住记录',
  level: '等级',
  concludedOn: '结论日期',
  assessor: '评估机构',
  number: '编号',
  issuedOn: '发证日期',
  expiresOn: '有效期至',
  type: '类型',
  date: '日期',
  mode: '护理方式',
  bed: '床位',
  code: '床位号',
  room: '房间',
  floor: '楼层',
  note: '备注',
  start: '开始时间',
  end: '结束时间',
  minutes: '时长（分钟）',
  items: '服务项目',
  confirmed: '签字确认',
  checkIn: '签到位置',
  checkOut: '签退位置',
  lat: '纬度',
  lng: '经度',
  externalRef: '外部编号（护理App）',
  correctionReason: '更正原因',
  reason: '原因',
  visits: '上门服务',
  // 校验 and 撤回 of a submitted claim
  via: '方式',
  identical: '逐字节一致',
  checked: '校验文件数',
  differing: '不一致的文件',
  withdrawnAt: '撤回时间',
  // 检查准备 and 自查 (its settings, marks, home points and exports)
  rule: '自查规则',
  home: '住址位置',
  seed: '随机种子',
  period: '期间',
  params: '自查规则参数',
  checkInRadiusM: '签到距离上限（米）',
  homeMinCheckIns: '学习住址所需签到次数',
  homeLookbackDays: '学习住址回看天数',
  samePointMeters: '同一地点距离（米）',
  samePointWindowMinutes: '同一地点时间窗（分钟）',
  travelMaxSpeedKmh: '最快行程速度（公里/小时）',
  travelMinDistanceM: '判断行程的最小距离（米）',
  caregiverDailyCapMinutes: '护理员每日时长上限（分钟）',
  caregiverMonthlyCapMinutes: '护理员每月时长上限（分钟）',
  capExactMonths: '恰好用满额度的连续月数',
  uniformMinVisits: '判断时长一致所需服务次数',
  uniformSharePercent: '同一时长占比（%）',
  weights: '得分权重',
  nurseItems: '医疗护理项目由护士完成',
  records: '服务记录完整',
  overlaps: '服务时间无重叠',
  duration: '服务时长达标',
  bedDays: '结算床日与在住记录一致',
  excludedDays: '住院、请假、死亡日未结算',
  staffEmployed: '服务人员在职',
  rota: '排班人员在职持证',
  onTime: '按时申报',
  copay: '个人自付已收取',
  selfAudit: '自查发现已核实',
  onTimeDay: '申报截止日',
  submittedAt: '申报时间',
  // imports and exports
  file: '文件',
  files: '文件',
  sha256: '文件校验值（SHA-256）',
  bytes: '文件大小',
  summary: '汇总',
  added: '新增',
  matched: '已登记（按身份证号对应）',
  skipped: '跳过（已有）',
  conflicting: '同编号而内容不同（未覆盖）',
  conflictingRefs: '同编号而内容不同的编号',
  skippedDuplicates: '跳过（已导入过）',
  skippedChanged: '有修改而未更新（已导入过）',
  updatedRefs: '按文件更新的记录',
  updated: '更新条数',
  source: '来源文件',
  excluded: '排除条数',
  excludedRows: '排除的行',
  importedRows: '导入行数',
  sheet: '工作表',
  row: '行号',
  refs: '记录编号',
  rows: '行数',
  report: '报表',
  year: '年度',
  status: '状态',
  backup: '备份文件',
  to: '保存到',
  // a restore (audit/restoreArchive.ts) and the start of the audit chain (migration 016)
  replaced: '被替换的数据库另存为',
  archivedRows: '归档的审计记录条数',
  archivedFrom: '归档的第一条',
  archivedThrough: '归档的最后一条',
  archivedHead: '归档末条的哈希',
  hashedRows: '已计算哈希的记录条数',
  through: '截至第几条',
  folder: '文件夹',
  path: '位置',
  // the institution
  institution: '机构',
  uscc: '统一社会信用代码',
  agencyCode: '定点机构编码',
  region: '统筹区',
  policy: '政策包',
  beds: '床位数',
  prices: '价格表',
  dailyFeeFen: '日护理费',
  hourlyFeeFen: '居家护理每小时收费',
  visitFeeFen: '居家上门每次收费',
  updateFeedUrl: '更新服务器地址',
  // claims
  claim: '结算申报',
  month: '月份',
  kind: '申报类型',
  seq: '补报序号',
  totals: '合计',
  persons: '人数',
  billableDays: '计费床日',
  coveredMinutes: '结算服务分钟数',
  feeFen: '费用',
  fundFen: '基金支付',
  personalFen: '个人负担',
  lines: '明细行数',
  result: '审核结果',
  accepted: '通过',
  deducted: '扣款',
  rejected: '拒付',
  claimedFundFen: '申报基金支付',
  deductedFen: '扣款金额',
  paidFundFen: '实付基金',
  deductions: '扣款和拒付明细',
  // checks of saved files (校验) and the like
  ok: '结果无误',
  verified: '校验结果',
  checkedAt: '校验时间',
  expected: '应为',
  actual: '实际',
  mismatched: '不一致的文件',
  missing: '缺少的文件',
  // 排班 and 服务计划
  cells: '排班格',
  shift: '班次',
  key: '快捷键',
  paidMinutes: '计薪时长（分钟）',
  post: '岗位',
  color: '颜色',
  perSevere: '重度失能配比',
  perOther: '其他对象配比',
  sort: '排序',
  minRestHours: '两班间最少休息（小时）',
  maxConsecutiveDays: '最多连续上班天数',
  maxWeeklyHours: '每周最多工时',
  postCertificates: '岗位所需证书',
  by: '发布人',
  changed: '修改格数',
  pages: '页数',
  visitsPerWeek: '每周次数',
  preferredStaff: '指定护理员',
  excludedStaff: '不派护理员',
  windowStart: '时间窗开始',
  windowEnd: '时间窗结束',
  days: '服务日',
  // users (decisions.md D35)
  firstAdmin: '首次使用时创建',
  failures: '连续错误次数',
  lockedUntil: '锁定至',
  idleLockMinutes: '无操作自动锁定（分钟）',
};

/** Labels that depend on the kind of record: `kind:key`. */
const BY_ENTITY: Record<string, string> = {
  'visit:staff': '护理人员',
  'certificate:type': '证书类型',
  'certificate:number': '证书编号',
  'certificate:level': '证书等级',
  'assessment:level': '失能等级',
  'assessment:number': '结论书编号',
  'stay-event:type': '事件',
  'institution:name': '机构名称',
  'report:report': '报表名称',
  'user:name': '用户名',
  'user:role': '角色',
};

/** Labels that depend on the enclosing field: `parent.key`. */
const BY_PARENT: Record<string, string> = {
  'totals.visits': '上门次数',
  'files.name': '文件名',
  'institution.name': '机构名称',
  'summary.institution': '机构信息',
  'certificates.type': '证书类型',
  'certificates.number': '证书编号',
  'certificates.level': '证书等级',
  'assessments.level': '失能等级',
  'assessments.number': '结论书编号',
  'events.type': '事件',
  'weights.assessments': '评估结论有效',
  'weights.certificates': '护理人员证书有效',
  'weights.deductions': '经办机构扣款',
};

/** Fields whose keys are levels (`dailyFeeFen.4` is the fee for level 4). */
const LEVEL_KEYED = new Set(['dailyFeeFen', 'dayCapFen', 'quotaHours', 'visitsPerWeek']);

/** `issued_on` → `issuedOn`: older rows logged database columns as they are. */
export const camelKey = (key: string): string => key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** The name of a field key on its own, or the key itself when it is not known. */
export function fieldName(key: string, parent?: string, entity?: string): string {
  const k = camelKey(key);
  const p = parent === undefined ? undefined : camelKey(parent);
  return (entity !== undefined ? BY_ENTITY[`${entity}:${k}`] : undefined) ?? (p !== undefined ? BY_PARENT[`${p}.${k}`] : undefined) ?? FIELDS[k] ?? key;
}

export const actionName = (action: string): string => ACTION_NAMES[action] ?? action;
export const entityName = (entity: string): string => ENTITY_NAMES[entity] ?? entity;

/**
 * A change's path as words: `certificates[0].expiresOn` → `证书 1 · 有效期至`,
 * `prices.dailyFeeFen.4` → `价格表 · 日护理费 · 4级`. Labels for the top level may depend on the entity.
 */
export function fieldLabel(path: string, entity?: string): string {
  const parts = path.split('.');
  let parent: string | undefined;
  const words: string[] = [];
  parts.forEach((part, i) => {
    const m = /^([^[]*)((?:\[\d+\])*)$/.exec(part);
    const key = m?.[1] ?? part;
    const indexes = m ? [...m[2]!.matchAll(/\[(\d+)\]/g)].map((x) => ` ${Number(x[1]) + 1}`).join('') : '';
    let word: string;
    if (/^\d+$/.test(key)) word = parent !== undefined && LEVEL_KEYED.has(camelKey(parent)) ? `${key}级` : key;
    else word = key === '' ? '' : fieldName(key, parent, i === 0 ? entity : undefined);
    words.push(`${word}${indexes}`.trim());
    if (key !== '') parent = key;
  });
  return words.filter((w) => w !== '').join(' · ');
}

/** The last named key of a path (`files[0].name` → `name`, `prices.dailyFeeFen.4` → `dailyFeeFen`), camelCase. */
export function lastKey(path: string): string {
  const keys = path
    .split('.')
    .map((p) => p.replace(/\[\d+\]/g, ''))
    .filter((k) => k !== '' && !/^\d+$/.test(k));
  return camelKey(keys[keys.length - 1] ?? '');
}
