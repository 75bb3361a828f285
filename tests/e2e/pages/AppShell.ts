/** Page object: the frame around every screen (side navigation). */
import type { Page } from '@playwright/test';

export class AppShell {
  constructor(readonly page: Page) {}

  readonly nav = () => this.page.getByRole('navigation', { name: '主导航' });

  async open(path = '/'): Promise<void> {
    await this.page.goto(`#${path}`);
  }

  /** Clicks a side-navigation entry by its Chinese label (opening 设置 first for its children). */
  async go(label: string): Promise<void> {
    const settingsChildren = ['机构设置', '审计日志', '系统与数据'];
    if (settingsChildren.includes(label)) {
      const item = this.nav().getByRole('menuitem', { name: label });
      if (!(await item.isVisible())) await this.nav().getByRole('menuitem', { name: '设置' }).click();
    }
    await this.nav().getByRole('menuitem', { name: label }).click();
  }
}
