/**
 * The Chinese label of each field of the contract's inputs, so a refusal names the field the way the
 * screen does (`姓名：最多50个字`), never by its key (`name：…`). One table per feature, by the first
 * part of its calls' names (`residents.save` → `residents`), in the screens' words; the fields every
 * feature shares (lists, ids, uploads, correction reasons) are in COMMON_LABELS. A path is written
 * with `*` for an array index or a record key (`items.*`, `prices.dailyFeeFen.*`); a path without a
 * label of its own takes its parent's. tests/unit/services/contractLabels.test.ts checks that every
 * field of the contract has one: a new field gets its label here.
 */

export type FieldLabels = Readonly<Record<string, string>>;

export const COMMON_LABELS: FieldLabels = {
  search: '搜索',
  page: '页码',
  pageSize: '每页条数',
  sortField: '排序列',
  sortOrder: '排序方向',
  id: '记录',
  today: '今天的日期',
  date: '日期',
  month: '月份',
  note: '备注',
  correctionReason: '更正原因',
  file: '文件',
  'file.name': '文件名',
  'file.base64': '文件内容',
};

export const FIELD_LABELS: Readonly<Record<string, FieldLabels>> = {
  auth: {
    name: '用户名',
    password: '密码',
    current: '当前密码',
    next: '新密码',
    recoveryCode: '恢复码',
    idleMinutes: '无操作自动锁定（分钟）',
  },
  users: {
    name: '用户名',
    role: '角色',
    password: '密码',
    disabled: '停用',
  },
  institution: {
    name: '机构名称',
    uscc: '统一社会信用代码',
    agencyCode: '定点机构编码',
    region: '统筹区编码',
    policy: '政策包',
    beds: '床位数',
    address: '机构地址',
    phone: '联系电话',
    bankName: '开户银行',
    bankAccount: '银行账号',
    prices: '价格',
    'prices.dailyFeeFen': '机构护理日收费',
    'prices.dailyFeeFen.*': '机构护理日收费',
    'prices.hourlyFeeFen': '居家护理每小时收费',
    'prices.visitFeeFen': '居家上门每次收费',
  },
  app: { recoveryCode: '恢复码', encryptBackups: '同时加密已有的备份', confirm: '确认加密' },
  dashboard: {},
  residents: {
    mode: '护理方式',
    status: '状态',
    level: '失能等级',
    name: '姓名',
    idNumber: '身份证号',
    insuranceType: '参保类型',
    phone: '联系电话',
    address: '住址',
    residentId: '服务对象',
    concludedOn: '结论日期',
    number: '结论书编号',
    assessor: '评估机构',
    type: '事件',
    bed: '床位',
  },
  beds: { floor: '楼层', code: '床位号', room: '房间' },
  staff: {
    role: '岗位',
    employment: '在职状态',
    certStatus: '证书状态',
    name: '姓名',
    idNumber: '身份证号',
    employedFrom: '入职日期',
    employedTo: '离职日期',
    staffId: '员工',
    type: '证书类型',
    number: '证书编号',
    level: '证书等级',
    issuedOn: '发证日期',
    expiresOn: '有效期至',
    status: '证书状态',
  },
  rota: {
    key: '快捷键',
    name: '班次名称',
    kind: '类别',
    start: '上班时间',
    end: '下班时间',
    paidMinutes: '计薪时长',
    post: '岗位',
    color: '颜色',
    perSevere: '重度失能配比',
    perOther: '其他对象配比',
    sort: '排序',
    minRestHours: '两班间最少休息（小时）',
    maxConsecutiveDays: '最多连续上班天数',
    maxWeeklyHours: '每周最多工时',
    postCertificates: '岗位所需证书',
    'postCertificates.nurse': '护士岗所需证书',
    'postCertificates.caregiver': '护理员岗所需证书',
    'postCertificates.other': '其他岗所需证书',
    cells: '排班格',
    'cells.*.staffId': '员工',
    'cells.*.date': '日期',
    'cells.*.shiftTypeId': '班次',
    reason: '调班原因',
    by: '发布人',
    from: '开始日期',
    to: '结束日期',
  },
  plans: {
    residentId: '服务对象',
    items: '服务项目',
    visitsPerWeek: '每周次数',
    minutes: '每次时长（分钟）',
    days: '服务日',
    windowStart: '时间窗开始',
    windowEnd: '时间窗结束',
    preferredStaffId: '指定护理员',
    excludedStaffIds: '不派的护理员',
    travelSameAreaMinutes: '同街道路程（分钟）',
    travelDefaultMinutes: '其他路程（分钟）',
    maxVisitsPerDay: '每天最多次数',
    maxHoursPerDay: '每天最多小时',
    matchToleranceMinutes: '核对时间容差（分钟）',
    from: '开始日期',
    visits: '派单',
    'visits.*.residentId': '服务对象',
    'visits.*.staffId': '护理员',
    'visits.*.date': '日期',
    'visits.*.start': '开始时间',
    'visits.*.minutes': '时长',
    staffId: '护理员',
    format: '文件格式',
  },
  roster: { excludeRows: '排除的行', 'excludeRows.*.sheet': '工作表', 'excludeRows.*.row': '行号' },
  visits: {
    residentId: '服务对象',
    staffId: '护理人员',
    from: '开始日期',
    to: '结束日期',
    status: '状态',
    start: '开始时间',
    end: '结束时间',
    items: '服务项目',
    confirmed: '签字确认',
    checkIn: '签到位置',
    'checkIn.lat': '签到纬度',
    'checkIn.lng': '签到经度',
    checkOut: '签退位置',
    'checkOut.lat': '签退纬度',
    'checkOut.lng': '签退经度',
    kind: '查找类别',
    ids: '已选人员',
    exclude: '排除的行',
    updateChanged: '更新已导入记录的修改',
  },
  audit: { from: '开始日期', to: '结束日期', actor: '操作人', action: '操作', entity: '对象类别' },
  claims: {
    acceptErrors: '确认带错误申报',
    by: '申报人',
    claimId: '申报',
    name: '文件名',
    reason: '撤回原因',
    purpose: '用途',
    mode: '护理方式',
    severity: '严重程度',
    code: '问题类别',
    replace: '导入更正的审核结果',
    correctionReason: '更正原因',
  },
  jobs: { id: '任务' },
  reports: { year: '年份', status: '状态' },
  backups: { name: '备份文件' },
  recovery: { name: '备份文件', confirm: '确认恢复', path: '数据库文件路径', recoveryCode: '恢复码' },
  updates: { url: '更新服务器地址' },
  inspection: {
    from: '开始日期',
    to: '结束日期',
    residents: '抽查人数',
    days: '抽查天数',
    seed: '随机种子',
    key: '自查结果',
    rule: '自查规则',
    note: '核实说明',
    reason: '列出原因',
    residentId: '服务对象',
    home: '住址位置',
    'home.lat': '住址纬度',
    'home.lng': '住址经度',
    params: '自查规则参数',
    'params.checkInRadiusM': '签到距离上限（米）',
    'params.homeMinCheckIns': '学习住址所需签到次数',
    'params.homeLookbackDays': '学习住址回看天数',
    'params.samePointMeters': '同一地点距离（米）',
    'params.samePointWindowMinutes': '同一地点时间窗（分钟）',
    'params.travelMaxSpeedKmh': '最快行程速度（公里/小时）',
    'params.travelMinDistanceM': '判断行程的最小距离（米）',
    'params.caregiverDailyCapMinutes': '护理员每日时长上限（分钟）',
    'params.caregiverMonthlyCapMinutes': '护理员每月时长上限（分钟）',
    'params.capExactMonths': '恰好用满额度的连续月数',
    'params.uniformMinVisits': '判断时长一致所需服务次数',
    'params.uniformSharePercent': '同一时长占比（%）',
    weights: '得分权重',
    'weights.assessments': '权重：评估结论有效',
    'weights.certificates': '权重：护理人员证书有效',
    'weights.nurseItems': '权重：医疗护理项目由护士完成',
    'weights.records': '权重：服务记录完整',
    'weights.overlaps': '权重：服务时间无重叠',
    'weights.duration': '权重：服务时长达标',
    'weights.bedDays': '权重：结算床日与在住记录一致',
    'weights.excludedDays': '权重：住院、请假、死亡日未结算',
    'weights.staffEmployed': '权重：服务人员在职',
    'weights.rota': '权重：排班人员在职持证',
    'weights.onTime': '权重：按时申报',
    'weights.deductions': '权重：经办机构扣款',
    'weights.copay': '权重：个人自付已收取',
    'weights.selfAudit': '权重：自查发现已核实',
    onTimeDay: '申报截止日',
  },
};

/** The labels of a call's fields (its feature's, then the common ones). */
export function labelsFor(method: string): FieldLabels {
  const feature = method.split('.')[0] ?? '';
  // policy.list belongs to the institution screen
  return FIELD_LABELS[feature === 'policy' ? 'institution' : feature] ?? {};
}

/** The label of a field at `path` (an issue's path), or null where none is known. */
export function labelOf(labels: FieldLabels, path: readonly PropertyKey[]): string | null {
  const parts = path.map((p) => (typeof p === 'number' || /^\d+$/.test(String(p)) ? '*' : String(p)));
  for (let n = parts.length; n > 0; n--) {
    const key = parts.slice(0, n).join('.');
    const found = labels[key] ?? COMMON_LABELS[key];
    if (found) return found;
  }
  return null;
}

/**
 * How a problem reads to the user: `label：message`, or the message alone when it names the field
 * already or no label is known. A place that is not a field key (a roster row, `服务对象第3行「电话」`)
 * is shown as given; a bare key (`code`, `idNumber`) never is.
 */
export function problemText(p: { path?: string; label?: string; message: string }): string {
  const place = p.label ?? (p.path && /[^\x20-\x7e]/.test(p.path) ? p.path : null);
  return place && !p.message.includes(place) ? `${place}：${p.message}` : p.message;
}
