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
};
