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

  // 数据加密
  encryption: {
    title: '数据加密',
    on: '已加密',
    off: '未加密',
    onDesktop:
      '数据库文件及此后的备份都已加密（SQLCipher 4 格式）。密钥由本机系统保管，另用首位管理员的恢复码保护一份：换电脑时，请把数据库文件和同名的 .key.json 文件一起复制，首次打开时输入恢复码。',
    onBrowser: '数据库文件及此后的备份都已加密（SQLCipher 4 格式），用启动预览时 --key-file 指定的密钥文件打开。请另外妥善保存密钥文件，丢失后数据无法恢复。',
    offWhy: '数据库文件未加密：拿到这个文件（或它的备份）的人能读出身份证号、评估结论和住址。建议加密，加密后日常使用没有区别。',
    start: '加密数据库…',
    modalTitle: '加密数据库',
    steps:
      '将依次：先做一份备份并校验；再生成加密的副本，逐表核对记录数、校验审计记录哈希链；确认无误后替换原文件。大的数据库需要一两分钟，期间其他操作需等待。任何一步出错，原数据库保持不变。',
    code: '首位管理员的恢复码',
    codeHint: '首次设置时打印或保存的恢复码（字母不分大小写，短横线可省略）。新的数据库密钥也用它保护：换电脑时凭它打开数据库。',
    codeRequired: '请填写恢复码',
    noCodeYet: '本数据库的管理员还没有恢复码（由命令行添加）。加密时将为你生成一个恢复码，完成后只显示一次，请记下。',
    newCode: '你的恢复码：',
    newCodeKeep: '只显示这一次：请立即打印或抄下，妥善保管。忘记密码、在另一台电脑上打开这个加密的数据库时需要它。',
    backups: '同时加密已有的备份',
    backupsHint: '加密前的备份是明文。勾选后用同一密钥加密它们（包括这次加密前的备份）。',
    ok: '开始加密',
    working: '正在加密…',
    cancel: '取消',
    done: '数据库已加密',
    doneChecked: (tables: number, rows: number, auditRows: number) =>
      `${tables} 个数据表共 ${rows} 行，逐表核对一致${auditRows > 0 ? `；审计记录 ${auditRows} 条，哈希链完整` : ''}。`,
    doneBackup: '加密前的备份：',
    doneBackups: (n: number) => `已用同一密钥加密 ${n} 个备份。`,
    backupsLeftPlain: '已有的备份仍是明文：确认加密后的数据库可用后，请删除或妥善保管它们。',
    backupFailed: (name: string, reason: string) => `备份 ${name} 未能加密（仍是明文，未改动）：${reason}`,
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
