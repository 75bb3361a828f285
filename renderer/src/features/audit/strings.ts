/** The audit screen's words (zh-CN). The trail's actions, kinds of record and fields: shared/audit/auditWords.ts. */
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
  // the hash chain (ltc verify-audit says the same)
  chainWhole: (rows: number, lastId: number | null) => (lastId === null ? '审计记录完整（0 条）' : `审计记录完整（${rows} 条，末条 #${lastId}）`),
  chainBroken: (p: { id: number | null; kind: string; detail: string }) => `审计记录不完整：${p.id === null ? '' : `#${p.id} `}${p.kind}`,
  chainHint: '每条记录都与上一条以哈希相连；改动、删除或事后插入的记录都会在这里显示。可用 ltc verify-audit --package 与经办机构留存的申报包核对。',
  // the screen's parts, named for screen readers
  filtersLabel: '筛选审计日志',
  datesLabel: '日期',
  searchLabel: '搜索审计日志',
  listLabel: '审计日志列表',
  changesLabel: (id: number) => `审计记录 ${id} 的改动`,
};
