/** zh-CN strings of the beds screens (床位). */
import type { DayStatus } from '../../../../shared/claims/stayTimeline';

export const OCCUPANT_STATUS: Record<DayStatus, string> = { present: '在住', hospital: '住院（保留床位）', leave: '请假（保留床位）' };
export const OCCUPANT_COLORS: Record<DayStatus, string> = { present: 'blue', hospital: 'volcano', leave: 'gold' };

export const S = {
  title: '床位',
  subtitle: '床位与房间，及某一天每张床由谁占用（按入住记录推算，不手工填写）',
  tabs: { board: '占用看板', manage: '床位管理' },
  date: '日期',
  counts: { total: '床位总数', occupied: '已占用', away: '其中住院/请假保留', free: '空闲' },
  floor: (f: string | null) => (f ? `${f}楼` : '未填楼层'),
  room: (r: string | null) => (r ? `房间 ${r}` : ''),
  free: '空闲',
  conflict: '床位冲突：同一天有多人登记此床位，请核对入住记录',
  since: (d: string) => `${d} 入住`,
  level: (l: number) => `${l}级`,
  unregistered: '以下床位号在入住记录中使用，但尚未登记为床位，请在“床位管理”中添加：',
  unassigned: '以下在住人员的入住记录未登记床位：',
  noBeds: '还没有登记床位',
  noBedsHint: '登记床位后，入住时可选床位，这里按入住记录显示每张床当天由谁占用',
  goManage: '去登记床位',
  emptyTitle: '还没有床位',
  add: '新增床位',
  edit: '编辑',
  delete: '删除',
  deleteConfirm: (code: string) => `确定删除床位 ${code}？`,
  cancel: '取消',
  search: '床位号、房间或备注',
  searchLabel: '搜索床位',
  total: (n: number) => `共 ${n} 张`,
  col: { code: '床位号', room: '房间', floor: '楼层', note: '备注', stays: '入住记录', actions: '操作' },
  stays: (n: number) => (n > 0 ? `${n} 次` : '—'),
  form: {
    label: '床位表单',
    titleNew: '新增床位',
    titleEdit: (code: string) => `编辑床位 ${code}`,
    code: '床位号',
    codeHint: '例如 2-201-1（楼层-房间-床号）；入住记录按床位号对应床位',
    room: '房间',
    floor: '楼层',
    note: '备注',
    save: '保存',
    saved: '床位已保存',
    deleted: '床位已删除',
    required: '请填写床位号',
  },
};
