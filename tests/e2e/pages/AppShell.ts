/** Page object: the frame around every screen (side navigation). */
import { expect, type Page } from '@playwright/test';

export class AppShell {
  constructor(readonly page: Page) {}

  readonly nav = () => this.page.getByRole('navigation', { name: '主导航' });

  async open(path = '/'): Promise<void> {
    await this.page.goto(`#${path}`);
  }

  /** the highlighted side-navigation entry */
  readonly selectedNav = () => this.nav().locator('.ant-menu-item-selected');

  /**
   * Controls a screen reader cannot name, or names only after an icon in English ("search", "left"),
   * from the page's accessibility tree: `button "left"`, or a bare `button` with no name.
   */
  async poorlyNamedControls(): Promise<string[]> {
    const tree = await this.page.locator('body').ariaSnapshot();
    const ICON_NAMES = /^(search|left|right|double-left|double-right|ellipsis|close|home|team|setting)$/;
    const out: string[] = [];
    for (const line of tree.split('\n')) {
      const m = /^\s*- (button|link|tab|menuitem)(?![\w-])(?: "((?:[^"\\]|\\.)*)")?/.exec(line);
      if (!m) continue;
      const name = (m[2] ?? '').trim();
      if (name === '' || ICON_NAMES.test(name) || /^(home|team|setting|car|idcard|calculator|bar-chart|insert-row-below|audit) /.test(name))
        out.push(line.trim());
    }
    return out;
  }

  /**
   * Clicks a side-navigation entry by its Chinese label (opening 设置 first for its children), and checks
   * that the entry is then the selected one. 设置's list slides open and shut (it closes by itself when
   * another screen is chosen): it is looked at only once it has stopped moving, and clicked into only
   * once it has slid fully open. CI once lost a click on 系统与数据 made mid-slide, and a 2-worker run saw
   * 设置 closing just as its item was judged visible; should a click still be lost, it is made again, up
   * to three times, until the menu shows the entry selected, as a user would click again.
   */
  async go(label: string): Promise<void> {
    const settingsChildren = ['机构设置', '审计日志', '系统与数据'];
    const item = this.nav().getByRole('menuitem', { name: label });
    for (let attempt = 1; ; attempt++) {
      try {
        if (settingsChildren.includes(label)) {
          await this.submenuSettled();
          if (!(await item.isVisible())) {
            await this.nav().getByRole('menuitem', { name: '设置' }).click();
            await this.submenuOpened();
          }
        }
        await item.click({ timeout: 10_000 });
        await expect(item).toHaveClass(/ant-menu-item-selected/, { timeout: 3000 });
        return;
      } catch (e) {
        if (attempt >= 3) throw e;
      }
    }
  }

  /** Waits until 设置's list, if there is one, is not sliding (open, or shut). */
  private async submenuSettled(): Promise<void> {
    const list = this.nav().locator('ul.ant-menu-sub');
    await expect
      .poll(async () => (await list.count()) === 0 || list.evaluate((ul) => !/\bant-motion/.test(ul.className) && ul.getAnimations().length === 0))
      .toBe(true);
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
      .poll(() =>
        list.evaluate(
          (ul) => !/\bant-motion/.test(ul.className) && ul.getAnimations().length === 0 && ul.clientHeight > 0 && ul.clientHeight >= ul.scrollHeight,
        ),
      )
      .toBe(true);
  }
}
