/** The home screen's words (zh-CN): what needs attention this month. */
export const S = {
  // before the institution is set up
  welcome: '欢迎使用长护助手',
  firstStep: '第一步：填写本机构的名称、统一社会信用代码、定点机构编码和所适用的政策包。',
  setUp: '设置机构',

  subtitle: (month: string, today: string) => `${month} 本月概况（今天 ${today}）`,

  // the counts
  inStay: '在住/在服务对象',
  ofResidents: (n: string) => `/ ${n}`,
  staff: '在职员工',
  visits: '本月上门服务',
  unconfirmed: '未签字确认的服务',
  times: '次',
  goConfirm: '去补签',

  // 本月结算
  claim: {
    title: '本月结算',
    status: { none: '未申报', draft: '草稿', submitted: '已申报', settled: '已结算' } as Record<string, string>,
    projected: '预计：按现有记录推算到月末',
    go: '去结算',
    persons: '结算人数',
    days: '床日',
    hours: '服务时长（小时）',
    fee: '费用合计（元）',
    fund: '基金支付（元）',
    issues: '待处理问题',
    issuesSuffix: (warnings: number) => `错误 / ${warnings} 警告`,
    /** a month not yet over: its numbers are projected to month-end */
    projectedTitle: (title: string) => `${title} · 预计`,
    soFar: (value: string) => `截至今日 ${value}`,
  },

  // 本周服务计划执行
  plansWeek: {
    title: (from: string, to: string) => `本周服务计划执行（${from} 至 ${to}，截至昨天）`,
    go: '查看计划与实际',
    planned: '已到期的计划上门',
    matched: '按计划完成',
    missed: '漏服务',
    unplanned: '计划外服务',
  },

  // the reminders
  assessments: (leadDays: string) => `评估即将到期（${leadDays} 天提醒）`,
  noAssessments: '没有即将到期的评估',
  assessment: (level: number, levelName: string, endsOn: string) => `${level}级 ${levelName} · 到期 ${endsOn}`,
  certificates: '证书即将到期',
  /** a reminder card's count, beside its title */
  reminderCount: (n: number) => `共 ${n} 条`,
  noCertificates: '没有即将到期的证书',
  certificate: (type: string, number: string, expiresOn: string) => `${type} ${number} · 到期 ${expiresOn}`,
} as const;
