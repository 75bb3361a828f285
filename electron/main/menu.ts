/**
 * The application menu in Chinese. Only standard roles for now (Electron implements them natively);
 * issue 3 adds the app's own commands. Type-only import: this module stays loadable without Electron.
 */
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuOptions {
  productName: string;
  isMac: boolean;
  /** Developer tools only in development: support staff use logs, not the console. */
  isDev: boolean;
}

export function buildMenuTemplate({ productName, isMac, isDev }: MenuOptions): MenuItemConstructorOptions[] {
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  const template: MenuItemConstructorOptions[] = [];
  if (isMac) {
    template.push({
      label: productName,
      submenu: [
        { role: 'about', label: `关于${productName}` },
        separator,
        { role: 'hide', label: `隐藏${productName}` },
        { role: 'hideOthers', label: '隐藏其他' },
        { role: 'unhide', label: '全部显示' },
        separator,
        { role: 'quit', label: `退出${productName}` },
      ],
    });
  }
  template.push(
    {
      label: '文件',
      submenu: [isMac ? { role: 'close', label: '关闭窗口' } : { role: 'quit', label: '退出' }],
    },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        separator,
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    {
      label: '视图',
      submenu: [
        { role: 'reload', label: '重新加载' },
        { role: 'forceReload', label: '强制重新加载' },
        ...(isDev ? [{ role: 'toggleDevTools', label: '开发者工具' } as const] : []),
        separator,
        { role: 'resetZoom', label: '实际大小' },
        { role: 'zoomIn', label: '放大' },
        { role: 'zoomOut', label: '缩小' },
        separator,
        { role: 'togglefullscreen', label: '全屏' },
      ],
    },
    {
      label: '帮助',
      role: 'help',
      submenu: isMac ? [] : [{ role: 'about', label: `关于${productName}` }],
    },
  );
  return template;
}
