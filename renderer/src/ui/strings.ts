/** The shared widgets' words (zh-CN): empty lists, page controls, expiry badges, typed dates and amounts, home-care limits. */
export const S = {
  // EmptyState: a list its filters empty
  clearFilters: '清除筛选',
  nothingFiltered: '没有符合筛选条件的记录',

  // pagination: the icon-only page buttons' names
  pager: { prev: '上一页', next: '下一页', 'jump-prev': '向前 5 页', 'jump-next': '向后 5 页' } as Record<string, string>,

  // ExpiryTag
  expired: (days: number) => `已过期 ${days} 天`,
  expiresIn: (days: number) => `${days} 天内到期`,

  // DateInput: text that is no date
  badDate: (text: string, example: string) => `“${text}”不是有效的日期，请写成 ${example}（也可写 ${example.replace(/-/g, '/')}）`,

  // YuanInput and its form rule (yuanRules.ts): why a typed amount is not one
  yuan: '元',
  yuanNegative: (label: string) => `${label}不能为负数`,
  yuanDecimals: (label: string) => `${label}最多两位小数（精确到分）`,
  yuanTooLarge: (label: string) => `${label}不能超过 1,000,000.00 元`,
  yuanNotAmount: (label: string) => `${label}应为金额（单位元，数字），例如 60 或 60.50`,

  // QuotaUse: a home-care client's monthly limit
  quota: {
    withVisit: '（含本条）',
    hoursOver: (hours: string) => `本月已超出额度 ${hours} 小时，超出部分不予结算`,
    hours: (month: string, level: number, used: string, quota: string, withVisit: string) =>
      `${month} 服务时长额度（${level}级）：已用 ${used} / ${quota} 小时${withVisit}`,
    visitsOver: (n: number) => `本月有 ${n} 次服务超出限额，不予结算`,
    visits: (week: string, level: number, weekCounted: number, perWeek: number, withVisit: string, perDay: number, monthCounted: number) =>
      `${week} 起的一周（${level}级）：本周已计 ${weekCounted} / ${perWeek} 次${withVisit}；每天至多 ${perDay} 次，本月已计 ${monthCounted} 次`,
    feeOver: '本月费用已超过封顶，超出部分由个人负担',
    fee: (month: string, level: number, fee: string, cap: string, withVisit: string) => `${month} 服务费用（${level}级）：${fee} / 封顶 ${cap} 元${withVisit}`,
  },
} as const;
