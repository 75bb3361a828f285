/** Page object: the frame around every screen (side navigation). */
import { expect, type Page } from '@playwright/test';

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
      if (!(await item.isVisible())) {
        await this.nav().getByRole('menuitem', { name: '设置' }).click();
        await this.submenuOpened();
      }
    }
    await this.nav().getByRole('menuitem', { name: label }).click();
  }

  /**
   * Waits until 设置's items have slid fully open. While the list grows, its items are laid out where
   * they will end but clipped by it, so a click can pass Playwright's checks and still land on nothing:
   * on 2026-12-06 a click on 系统与数据 was made mid-slide and no page followed. antd marks the list
   * with its motion classes until the slide ends.
   */
  private async submenuOpened(): Promise<void> {
    const list = this.nav().locator('ul.ant-menu-sub');
    await expect(list).toBeVisible();
    await expect
      .poll(() => list.evaluate((ul) => !/\bant-motion/.test(ul.className) && ul.getAnimations().length === 0 && ul.clientHeight > 0 && ul.clientHeight >= ul.scrollHeight))
      .toBe(true);
  }
}
