/** The institution screen's words (zh-CN): the settings form and the chosen policy pack's numbers. */
export const S = {
  title: '机构设置',
  subtitle: '结算申报表头、价格表与所适用的长护险政策',
  formLabel: '机构设置表单',
  saved: '机构设置已保存',
  save: '保存机构设置',

  // 基本信息
  basics: '基本信息',
  name: '机构名称',
  nameRequired: '请填写机构名称',
  uscc: '统一社会信用代码',
  usccRequired: '请填写统一社会信用代码',
  usccPlaceholder: '18位，例如 91350100M000100Y43',
  agencyCode: '定点机构编码',
  agencyCodeRequired: '请填写医保经办机构发放的定点机构编码',
  agencyCodePlaceholder: '例如 H33020500008',
  region: '统筹区编码',
  regionPattern: '统筹区编码应为6位数字',
  regionPlaceholder: '例如 330205',
  beds: '核定床位数',
  policy: '政策包',
  policyRequired: '请选择政策包',

  // 联系与银行信息: printed on the claim's summary (结算申报汇总表) when set
  contact: '联系与银行信息',
  contactNote: '选填，填写后打印在结算申报汇总表上',
  address: '机构地址',
  phone: '联系电话',
  bankName: '开户银行',
  bankAccount: '银行账号',
  bankAccountPattern: '银行账号只能包含数字',

  // 价格表
  prices: '价格表（元）',
  dailyFee: (level: string) => `${level}级日护理费`,
  hourlyFee: '居家护理每小时收费',
  visitFee: '居家上门每次收费',

  // the policy pack's numbers, read-only
  pack: {
    title: (title: string, id: string, version: string) => `${title}（${id} 版本 ${version}）`,
    perLevel: (level: string, value: string) => `${level}级 ${value}`,
    hours: (h: number) => `${h} 小时`,
    times: (n: number) => `${n} 次`,
    yuan: (amount: string) => `${amount} 元`,
    notPaid: '不支付',
    homeHourly: (quota: string, fund: string) => `按小时定额：每月 ${quota}；基金支付 ${fund}`,
    homePerVisit: (fee: string | null, perWeek: string, perDay: number, copay: string | null, fund: string) =>
      `按次：${fee !== null ? `每次 ${fee} 元，` : ''}每周至多 ${perWeek}，每天至多 ${perDay} 次；${copay !== null ? `个人每次负担 ${copay} 元` : `基金支付 ${fund}`}`,
    homeCap: (cap: string, fund: string) => `每月费用限额 ${cap} 元，基金支付 ${fund}`,
    levels: '支付等级',
    levelsValue: (levels: string) => `${levels} 级`,
    benefit: '待遇起始 / 有效期',
    benefitValue: (nextMonth: boolean, months: number) => `${nextMonth ? '评估结论次月1日起' : '评估结论当日起'}，有效 ${months} 个月`,
    institutional: '机构护理',
    institutionalValue: (fund: string, fundCap: boolean, caps: string, leaveDays: number) =>
      `基金支付日护理费的 ${fund}，${fundCap ? '基金日支付限额' : '日费用限额'} ${caps}；每月可计费请假 ${leaveDays} 天`,
    home: '居家护理',
    minVisit: '最短上门时长',
    minutes: (n: number) => `${n} 分钟`,
    reminders: '到期提醒',
    remindersValue: (days: string) => `${days} 天前`,
    assumptions: '本产品的解读（†）',
    source: '依据',
  },
} as const;
