/** 月度结算 screen texts (zh-CN). */
import type { ClaimSummary } from '../../../../shared/api/claims';

/** How a stored claim is named on screen: 2026-10 申报, 2026-10 补报 1. */
export const claimLabel = (c: Pick<ClaimSummary, 'month' | 'kind' | 'seq'>): string => (c.kind === 'regular' ? `${c.month} 申报` : `${c.month} 补报 ${c.seq}`);

export const S = {
  submittedBy: '申报人',
  submittedByHint: '经办人姓名（记入申报记录和审计日志；不填则为本机登录用户）',
  title: '月度结算',
  subtitle: '计算本月结算、处理问题、申报并保存申报包；导入经办机构审核结果后对账',
  month: '结算月份',
  recompute: '重新计算',
  computing: (m: string) => `正在按当前记录计算 ${m} 的结算……（在后台服务中计算，界面可继续操作）`,
  submit: '申报',
  supplement: '补报',
  acceptErrors: '确认带错误申报（有错误的床日和服务不会被结算）',
  submitConfirm: (m: string) => `申报后 ${m} 的结算将被冻结，本月记录变为只读（修改须填写更正原因）。确定申报吗？`,
  supplementConfirm: (m: string) => `将把 ${m} 申报后新增的记录生成补报申报。确定吗？`,
  errorsBlock: (n: number) => `本月还有 ${n} 个错误：有错误的床日和服务不会被结算。请先处理，或勾选下面的确认后再申报。`,
  submitted: (m: string) => `${m} 已申报，申报包已生成`,
  supplemented: (m: string) => `${m} 补报已生成`,
  jobStarting: '准备',
  status: { none: '未申报', draft: '草稿', submitted: '已申报', settled: '已结算', withdrawn: '已撤回' } as Record<string, string>,
  noInstitution: {
    title: '请先完成机构设置',
    detail: '月度结算需要机构名称、定点机构编码、所适用的政策包和价格表。填写后即可在这里计算和申报。',
    go: '去机构设置',
  },
  projected: '下面是按现有记录预计到月末的结算（未出院的服务对象按住到月末计算）。',
  withdraw: {
    button: '撤回申报',
    buttonSupp: (seq: number) => `撤回补报 ${seq}`,
    title: (what: string) => `撤回 ${what}`,
    explain:
      '撤回用于申报错误（如申报了错误的月份）且经办机构尚未审核的情况：本次申报标记为“已撤回”，申报文件保留为历史记录，不再计入台账和对账；撤回本月申报后该月记录恢复可修改，可以重新申报。已导入审核结果的申报不能撤回。',
    reason: '撤回原因',
    reasonHint: '例如：误申报了未结束的月份；入住记录有误，更正后重新申报（必填，记入审计日志）',
    by: '撤回人',
    ok: '确定撤回',
    done: (what: string) => `${what}已撤回，申报文件保留为历史记录`,
    history: '已撤回',
    historyItem: (what: string) => `${what}（已撤回）`,
    withdrawnAt: (at: string, by: string | null) => `撤回于 ${at}（${by ?? ''}）`,
    reasonLabel: '撤回原因：',
  },
  supp: {
    previewing: '正在计算可补报的内容……',
    adds: (n: number, fee: string, fund: string) => `补报将包含 ${n} 条明细：费用 ${fee} 元，基金支付 ${fund} 元。`,
    errors: (n: number) => `本月记录还有 ${n} 个错误：有错误的床日和服务不会补报。请先处理，或勾选下面的确认后再补报。`,
  },
  locked: '本月已申报，记录只读；申报后发现的记录请做补报。',
  lines: '结算明细',
  issues: '问题',
  files: '申报文件',
  result: '审核结果与对账',
  print: '打印汇总表',
  ok: '确定',
  cancel: '取消',
  issueFilter: {
    search: '搜索问题（姓名、身份证号、记录编号、说明）',
    searchLabel: '搜索问题',
    code: '问题类型',
    severity: '严重程度',
    none: '没有问题',
    noMatch: '没有符合筛选条件的问题',
    clear: '清除筛选',
    count: (n: number) => `${n} 条`,
    /** the tooltip of an issue's title: its stable code, for technical support */
    codeTip: '问题代码（供技术支持）：',
  },
  fix: {
    visit: (ref: string) => `查看上门服务 ${ref}`,
    // “查看服务对象的…”: what to open on the person's page
    resident: {
      personal: '查看服务对象的基本信息',
      assessments: '查看服务对象的评估结论',
      events: '查看服务对象的入住记录',
      calendar: '查看服务对象的床日日历',
    },
    staff: { basics: '查看员工信息', certificates: '查看员工的证书', visits: '查看该护理员当日的服务' },
    clientVisits: '查看该服务对象本月的服务',
    institution: '机构设置',
  },
  linesSearch: '姓名或身份证号',
  linesEmpty: '本月没有可结算的明细',
  linesEmptyHint: '结算按服务对象的评估结论、入住记录和上门服务记录计算：先登记它们，再重新计算',
  linesGoResidents: '去服务对象',
  linesGoVisits: '去上门服务',
  linesSearchLabel: '搜索结算明细',
  pkg: {
    save: '保存申报包到文件夹（U盘）',
    saved: '申报包已保存并校验',
    savedDetail: (n: number, folder: string) => `${n} 个文件已写入 ${folder}，逐个读回核对 SHA-256 无误。`,
    browserOnly: '浏览器预览不能直接写入文件夹或U盘：请逐个下载申报文件（或“全部下载”），再复制到U盘；桌面程序中可直接保存并自动校验。',
    downloadAll: '全部下载',
    download: '下载',
    /** desktop: the system's PDF viewer, to read and print */
    open: '打开打印',
    /** browser: the PDF in a new tab, whose viewer prints */
    preview: '预览',
    openFailed: '无法用本机程序打开该文件，请下载后用PDF阅读器打开并打印。',
    verify: '校验申报文件',
    identical: '重新生成的文件与申报时逐字节一致',
    differing: (names: string[]) => `以下文件与申报时不一致：${names.join('、')}`,
    lastVerified: (at: string, by: string) => `上次校验：${at}（${by}）`,
    neverVerified: '尚未校验：点击“校验申报文件”按冻结的记录重新生成申报文件，并与申报时的文件逐字节比对。',
    verifiedOk: (n: number) => `全部 ${n} 个文件与申报时逐字节一致`,
    /** a package made by an earlier version's layout: its documents cannot be redrawn the same, so they are checked against what was kept */
    olderLayout: (layout: number) =>
      `此申报包由旧版程序生成（文件版式 ${layout}），本程序不再按旧版式重新绘制：已核对每个文件与申报时保存的 SHA-256 校验值，并按冻结的记录重新生成结算数据（claim.json）比对`,
    identicalOlder: '申报文件与申报时保存的校验值一致，结算数据重新生成一致',
    verifiedBad: (n: number) => `${n} 个文件与申报时不一致`,
    col: { name: '文件', use: '用途', size: '大小', check: '校验结果' },
    upload: '上报经办机构',
    /** 问题清单.pdf: kept with the package, not for the agency */
    internal: '仅供机构内部核对，不上传',
    same: '一致',
    differs: '不一致',
  },
  result_: {
    template: '下载审核结果模板',
    import: '导入审核结果（.xlsx / .json）',
    imported: '审核结果已导入，结算已完成',
    confirmTitle: (name: string) => `导入审核结果 ${name}`,
    confirm:
      '导入后该申报变为“已结算”，各明细的通过、扣款、拒付按上表记录，不能再撤回申报；经办机构更正审核结果时，可“导入更正的审核结果”替换（原结果保留为历史记录）。确定导入吗？',
    checking: '正在读取并核对审核结果……',
    previewTitle: (name: string) => `审核结果预览：${name}`,
    ok: '确认导入',
    count: (what: string, n: number, fen: string) => `${what} ${n} 条 · ${fen} 元`,
    claimedYuan: '申报基金（元）',
    paidYuan: '实付基金（元）',
    settled: '已导入审核结果',
    waiting: '等待审核结果',
    /** a settled claim: the agency sent a corrected result */
    correct: '导入更正的审核结果',
    correctTitle: (name: string) => `更正的审核结果预览：${name}`,
    replaces: (at: string, paid: string, deducted: string) =>
      `将替换 ${at} 导入的审核结果（实付 ${paid} 元，扣款/拒付 ${deducted} 元）；原结果保留为历史记录，记入审计日志。`,
    confirmCorrect: '导入后以上结果替换原审核结果，对账和结算台账按新结果计算。确定导入吗？',
    correctionReason: '更正原因',
    correctionReasonHint: '例如：经办机构11月20日更正通知，李建国扣款由120元改为80元（必填，记入审核结果历史和审计日志）',
    corrected: '更正的审核结果已导入，原结果已保留为历史记录',
    history: {
      title: '审核结果历史',
      importedAt: '导入时间',
      state: '状态',
      inForce: '现行结果',
      replaced: (at: string, by: string) => `${at} 被更正结果替换（${by}）`,
      counts: '通过/扣款/拒付（条）',
      countsText: (a: number, d: number, r: number) => `${a} / ${d} / ${r}`,
      reason: '更正原因',
      /** the first result, or a correction imported before reasons were asked */
      noReason: '—',
    },
  },

  // the month's header and tabs
  submittedAt: (at: string, by: string | null | undefined) => `申报于 ${at}（${by ?? ''}）`,
  issuesTab: (errors: number) => `问题（错误 ${errors}）`,
  suppName: (seq: number) => `补报 ${seq}`,
  thisMonthClaim: '本月申报',

  // the totals bar
  totals: {
    persons: '结算人数',
    billableDays: '床日',
    hours: '服务时长（小时）',
    visits: '上门次数',
    fee: '费用合计（元）',
    fund: '基金支付（元）',
    personal: '个人负担（元）',
  },

  // the tables' columns (lines, reconciliation, result preview)
  col: {
    name: '姓名',
    idNumber: '身份证号',
    mode: '护理方式',
    level: '等级',
    billableDays: '床日',
    minutes: '服务分钟',
    visits: '次数',
    fee: '费用（元）',
    fund: '基金支付（元）',
    personal: '个人负担（元）',
    claimedFund: '申报基金（元）',
    result: '结果',
    deducted: '扣款/拒付（元）',
    paid: '实付（元）',
    reason: '原因',
  },
  linesTotal: (n: number) => `共 ${n} 条`,

  // the issues' filters
  issuesFilterLabel: '筛选问题',
  issueDates: (date: string, dateTo: string | null | undefined) => `${date}${dateTo ? ` 至 ${dateTo}` : ''}`,

  // a stored claim (补报, withdrawn)
  storedSubmitted: '申报',
  storedWithdrawn: '撤回',

  /** the agency's answer for a line */
  lineResult: { accepted: '通过', deducted: '扣款', rejected: '拒付' } as Record<string, string>,
  pending: '待审核',
  resultCountTitle: (result: string) => `${result}（条 · 元）`,
  resultCount: (lines: number, yuan: string) => `${lines} 条 · ${yuan}`,

  // 对账
  rec: {
    title: '对账',
    months: '按月：申报与实付',
    month: '月份',
    settledOfClaims: '已结算/申报数',
    claimedFund: '申报基金支付（元）',
    paidFund: '实付基金（元）',
    reasons: '扣款/拒付原因（按次数）',
    count: '次数',
    amount: '金额（元）',
    persons: '按人：申报与实付',
    filterLabel: '按审核结果筛选',
    all: '全部',
    download: '下载对账表（Excel）',
    downloadAll: '下载全部月份对账表（Excel）',
  },

  // 打印预览: the 结算申报汇总表
  summary: {
    title: '打印预览',
    close: '关闭',
    print: '打印',
    heading: '长期护理保险结算申报汇总表',
    institution: (name: string, uscc: string, agencyCode: string) => `定点机构：${name}\u3000统一社会信用代码：${uscc}\u3000定点机构编码：${agencyCode}`,
    month: (month: string, supplementary: boolean, policyId: string, version: string) =>
      `结算月份：${month}\u3000${supplementary ? '（补报）' : ''}\u3000政策：${policyId} ${version}`,
    rows: {
      persons: '结算人数',
      billableDays: '床日',
      hours: '居家服务时长（小时）',
      visits: '上门服务次数',
      fee: '费用合计（元）',
      fund: '基金支付（元）',
      personal: '个人负担（元）',
    },
    issues: '问题',
    issueCounts: (errors: number, warnings: number, infos: number) => `错误 ${errors}，警告 ${warnings}，提示 ${infos}`,
    signer: '经办人签字：',
    head: '机构负责人签字：',
    seal: '机构盖章',
    date: '申报日期：＿＿＿＿年＿＿月＿＿日',
  },
};
