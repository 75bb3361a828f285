/** The app frame's words: its name and the side navigation (each feature keeps its own in features/<f>/strings.ts). */
export const S = {
  appName: '长护助手',
  nav: {
    home: '首页',
    residents: '服务对象',
    beds: '床位',
    visits: '上门服务',
    staff: '员工与证书',
    rota: '排班',
    plans: '服务计划',
    claims: '月度结算',
    reports: '报表',
    inspection: '检查准备',
    settings: '设置',
    institution: '机构设置',
    shifts: '班次',
    audit: '审计日志',
    system: '系统与数据',
    users: '用户管理',
  },
  // App: a search box's icon-only button
  search: '搜索',
  // AppLayout
  navLabel: '主导航',
} as const;
