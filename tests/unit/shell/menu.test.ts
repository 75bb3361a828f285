/** The application menu is Chinese and uses Electron's standard roles. */
import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate } from '../../../electron/main/menu';

const items = (menu: MenuItemConstructorOptions): MenuItemConstructorOptions[] => (Array.isArray(menu.submenu) ? menu.submenu : []);

describe('application menu', () => {
  it('has 文件/编辑/视图/帮助 on Windows and Linux', () => {
    const menu = buildMenuTemplate({ productName: '长护助手', isMac: false, isDev: false });
    expect(menu.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
  });

  it('labels every item in Chinese', () => {
    for (const isMac of [false, true]) {
      for (const top of buildMenuTemplate({ productName: '长护助手', isMac, isDev: true })) {
        for (const item of items(top)) {
          if (item.type === 'separator') continue;
          expect(item.role, `${top.label ?? ''} item`).toBeDefined();
          expect(item.label ?? '', String(item.role)).toMatch(/[\u4e00-\u9fff]/);
        }
      }
    }
  });

  it('offers developer tools only in development', () => {
    const roles = (isDev: boolean) =>
      buildMenuTemplate({ productName: '长护助手', isMac: false, isDev })
        .flatMap(items)
        .map((i) => i.role);
    expect(roles(true)).toContain('toggleDevTools');
    expect(roles(false)).not.toContain('toggleDevTools');
  });
});
