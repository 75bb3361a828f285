/** The settings screens' words (zh-CN): 系统与数据, its backups and updates. */
export const S = {
  // 系统与数据
  system: {
    title: '系统与数据',
    version: '程序版本',
    databaseFile: '数据库文件',
    openFolder: '打开所在文件夹',
    folderOpened: '已打开数据文件夹',
    folderNotOpened: '浏览器预览无法打开本机文件夹，请按上面的路径自行打开',
    schemaVersion: '数据库结构版本',
    shell: '运行方式',
    desktop: '桌面程序',
    browser: '浏览器预览',
  },

  // 数据备份
  backups: {
    title: '数据备份',
    manual: '手动',
    upgrade: (from: string, to: string) => `升级前（${from} → ${to}）`,
    daily: '每日自动',
    saved: (file: string) => `已保存并校验：${file}`,
    openFolder: '打开备份文件夹',
    folderOpened: '已打开备份文件夹',
    folderNotOpened: (folder: string) => `浏览器预览无法打开本机文件夹：${folder}`,
    create: '立即备份',
    created: (name: string) => `备份完成：${name}（已通过完整性检查）`,
    // the note under the title, around the folder and the restore command (shown as code)
    noteFolder: '备份保存在 ',
    noteKeep: (keepDaily: number) =>
      `。桌面程序每天第一次启动时自动备份，自动备份保留最近 ${keepDaily} 份；手动备份和新版本第一次启动前的“升级前”备份不会自动删除。 建议每月申报后把最新备份另存到U盘。需要从备份恢复时，请先关闭程序，再由管理员运行 `,
    restoreCommand: 'ltc restore --db 数据库文件 备份文件',
    noteRestore: '（恢复前会自动保留现有数据库的副本），或联系技术支持。',
    empty: '还没有备份',
    col: { at: '备份时间', kind: '方式', size: '大小', file: '文件' },
    saveAs: '另存到…',
    download: '下载',
  },

  // 更新
  updates: {
    title: '更新',
    currentVersion: '当前版本',
    lastChecked: '上次检查',
    off: '未设置更新服务器地址，不检查更新。',
    upToDate: (version: string) => `已是最新版本（${version}）。`,
    installTitle: '立即重启并安装新版本？',
    installBody: '长护助手将关闭、安装新版本后自动重新打开。尚未保存的输入会丢失。',
    installOk: '重启并安装',
    cancel: '取消',
    installing: '正在关闭并安装新版本…',
    install: '立即重启并安装',
    installLater: '不立即重启也可以：下次退出长护助手时会自动安装。',
    downloadAgain: '重新下载',
    download: '下载',
    check: '检查更新',
    // the offered version
    offered: (version: string) => `新版本 ${version}`,
    downloaded: '（已下载）',
    released: (date: string) => `发布于 ${date}`,
    noNotes: '此版本没有附更新说明。',
    // 更新服务器地址
    feedUrl: '更新服务器地址',
    feedUrlHint: (example: string) => `机构或供应商在局域网内提供的更新服务器，例如 ${example}。留空表示不检查更新。`,
    feedSaved: '更新服务器地址已保存',
    feedCleared: '已清空更新服务器地址，不再检查更新',
    save: '保存',
  },
} as const;
