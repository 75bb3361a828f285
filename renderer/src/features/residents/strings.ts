/** zh-CN strings of the residents screens (服务对象), in one place. */
import type { AssessmentState, AssessmentView, ResidentDetail, ResidentStatus } from '../../../../shared/api/residents';
import type { DayStatus } from '../../../../shared/claims/stayTimeline';
import { CARE_MODE_NAMES, LEVEL_NAMES } from '../../../../shared/domain/glossary';
import type { CareMode, Level } from '../../../../shared/domain/model';

export const STATUS_NAMES: Record<ResidentStatus, string> = {
  present: '在住',
  hospital: '住院中',
  leave: '请假中',
  discharged: '已出院',
  deceased: '已故',
  none: '未入住',
};
export const STATUS_COLORS: Record<ResidentStatus, string> = {
  present: 'green',
  hospital: 'volcano',
  leave: 'gold',
  discharged: 'default',
  deceased: 'default',
  none: 'default',
};

/** A home-care client "present" is in service, not in residence. */
export const statusName = (status: ResidentStatus, mode: CareMode | null): string =>
  status === 'present' && mode === 'home' ? '服务中' : STATUS_NAMES[status];

export const levelName = (level: Level): string => `${level}级 ${LEVEL_NAMES[level]}`;
export const modeName = (mode: CareMode | null): string => (mode ? CARE_MODE_NAMES[mode] : '—');

export const ASSESSMENT_STATE_NAMES: Record<AssessmentState, string> = {
  'in-force': '有效',
  pending: '待生效',
  replaced: '已被新结论替代',
  expired: '已过期',
};
export const ASSESSMENT_STATE_COLORS: Record<AssessmentState, string> = { 'in-force': 'green', pending: 'blue', replaced: 'default', expired: 'red' };

export const DAY_NAMES: Record<DayStatus, string> = { present: '在院', hospital: '住院', leave: '请假' };

export const S = {
  title: '服务对象',
  subtitle: '机构入住的长者与居家护理对象，他们的评估结论与入住记录',
  add: '新增服务对象',
  importRoster: '从花名册导入',
  emptyTitle: '还没有服务对象',
  emptyHint: '逐个新增，或把花名册 Excel 模板填好后一次导入多人（连同评估结论和入住）',
  search: '姓名、身份证号或编号',
  searchLabel: '搜索服务对象',
  filterMode: '护理方式',
  filterStatus: '状态',
  filterLevel: '当前等级',
  all: '全部',
  inStay: '在住（含住院、请假）',
  noLevel: '无有效评估',
  total: (n: number) => `共 ${n} 人`,
  col: {
    name: '姓名',
    idNumber: '身份证号',
    sexAge: '性别/年龄',
    level: '当前等级',
    assessmentEnds: '评估到期',
    mode: '护理方式',
    status: '状态',
    bed: '床位',
  },
  modes: { institutional: '机构护理', home: '居家护理' },
  filtersLabel: '筛选服务对象',
  listLabel: '服务对象列表',
  pick: (what: string) => `请选择${what}`,
  male: '男',
  female: '女',
  age: (n: number) => `${n}岁`,
  since: (d: string) => `${d} 起`,
  idBad: '号码待核对',
  newTitle: '新增服务对象',
  back: '返回列表',
  tabs: { personal: '基本信息', assessments: '评估结论', events: '入住记录', calendar: '床日日历' },
  form: {
    label: '服务对象信息表单',
    name: '姓名',
    idNumber: '身份证号',
    idPlaceholder: '18位，最后一位可为X',
    derived: (birth: string, sex: string, age: number) => `出生日期 ${birth} · ${sex} · ${age}岁`,
    idWarningTitle: '身份证号校验未通过，仍可保存',
    idWarningHint: '结算申报会提示“身份证号校验不通过”，并在更正前不生成此人的结算明细。请对照身份证件核对。',
    insuranceType: '参保类型',
    insurance: { employee: '职工医保', resident: '城乡居民医保' },
    insuranceNone: '未填写',
    phone: '联系电话',
    phoneHint: '如 13800000000 或 0574-87654321',
    address: '住址',
    save: '保存',
    saved: '服务对象已保存',
    required: (what: string) => `请填写${what}`,
  },
  delete: '删除',
  deleteConfirm: (name: string) => `确定删除 ${name}？其评估结论和入住记录将一并删除。`,
  deleteOk: '删除',
  cancel: '取消',
  deleted: '已删除',
  cannotDelete: '不能删除',
  summary: {
    status: '当前状态',
    mode: '护理方式',
    bed: '床位',
    level: '当前等级',
    ends: '评估有效至',
    ref: '编号',
    quota: '本月居家服务额度（按月度结算规则计）',
  },
  correction: {
    title: '该月结算已申报',
    label: '更正原因',
    hint: '说明为何修改已申报月份的记录；原因记入审计日志，修改后的结果通过补报申报。',
    ok: '填写原因并保存',
    formLabel: '更正原因表单',
  },
};

/** 评估结论 tab */
export const A = {
  add: '录入评估结论',
  title: '录入评估结论',
  level: '失能等级',
  concludedOn: '结论日期',
  number: '结论书编号',
  assessor: '评估机构',
  save: '保存',
  saved: '评估结论已保存',
  deleted: '评估结论已删除',
  period: '待遇起止',
  state: '状态',
  notPaid: '不在支付等级',
  rule: (r: ResidentDetail['policy']) =>
    `按“${r.title}”：评估结论${r.benefitStart === 'next-month' ? '次月1日' : '当日'}起享受待遇，有效 ${r.validityMonths} 个月；支付等级为 ${r.eligibleLevels.join('、')} 级。新结论自其生效日起替代旧结论。`,
  deleteConfirm: (a: AssessmentView) => `确定删除 ${a.concludedOn} 的${levelName(a.level)}评估结论？`,
  actions: '操作',
  listLabel: '评估结论列表',
  formLabel: '评估结论表单',
  deleteLabel: (concludedOn: string) => `删除 ${concludedOn} 评估结论`,
  periodRange: (start: string, end: string) => `${start} 至 ${end}`,
  noInstitution: '机构尚未设置，暂按默认政策计算有效期。',
  empty: '尚未录入评估结论。没有有效评估的日子不能结算。',
};

/** 入住记录 tab */
export const E = {
  add: '登记事件',
  title: '登记入住记录事件',
  type: '事件',
  date: '日期',
  mode: '护理方式',
  bed: '床位',
  bedPlaceholder: '从当日空闲床位中选择（可不选）',
  noFreeBeds: '当日没有空闲床位（可在“床位”页添加）',
  note: '备注',
  save: '保存',
  saved: '入住记录已保存',
  deleted: '入住记录已删除',
  deleteConfirm: (name: string, date: string) => `确定删除 ${date} 的${name}？`,
  actions: '操作',
  listLabel: '入住记录列表',
  formLabel: '入住记录表单',
  deleteLabel: (date: string, name: string) => `删除 ${date} ${name}`,
  room: (room: string) => `房间 ${room}`,
  empty: '尚无入住记录。机构入住或开始居家服务时，请登记“入住”。',
  rule: '日状态由这些事件推算：入住当日计入、出院/死亡当日不计入；住院、请假至返院前一日。返院须有未结束的住院或请假，死亡之后不能再有事件。',
  problems: '这些入住记录前后矛盾（可能来自导入的数据），请核对并更正：',
};

/** 床日日历 tab */
export const C = {
  month: '月份',
  legend: { present: '在院', hospital: '住院', leave: '请假', home: '居家服务期', outside: '不在服务期' },
  billable: '计费',
  notBillable: '不计费',
  weekdays: ['一', '二', '三', '四', '五', '六', '日'],
  counts: { present: '在院天数', hospital: '住院天数', leave: '请假天数', billable: '计费床日' },
  /** a home client is never 在院: her days are the 居家服务期, paid by visit */
  homeCounts: { period: '居家服务期', present: '居家服务天数', hospital: '服务期内住院天数', leave: '服务期内请假天数' },
  days: (n: number) => `${n} 天`,
  homeNoLine: '居家护理按上门服务记录结算，见“上门服务”和“月度结算”',
  fee: '护理费',
  fund: '基金支付',
  personal: '个人负担',
  yuan: (s: string) => `${s} 元`,
  noLine: '本月没有可结算的床日',
  calendarLabel: (month: string) => `${month} 床日日历`,
  /** the day a stay begins or ends, by the stay's mode; the discharge and death days are outside the stay */
  marks: {
    institutional: { admit: '入院', discharge: '出院', death: '死亡' },
    home: { admit: '开始居家服务', discharge: '结束居家服务', death: '死亡' },
  },
  markNote: { admit: '当日计入', discharge: '当日不计入', death: '当日不计入' },
  level: (l: number) => `${l}级`,
};
