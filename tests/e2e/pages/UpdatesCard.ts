/** Page object: the 更新 card of 设置 › 系统与数据. */
import { expect, type Page } from '@playwright/test';
import { AppShell } from './AppShell';

export class UpdatesCard {
  constructor(readonly page: Page) {}

  readonly card = () => this.page.getByTestId('updates');
  readonly feedInput = () => this.card().getByRole('textbox', { name: '更新服务器地址' });
  // antd puts a space between the two characters of a two-character button label
  readonly saveButton = () => this.card().getByRole('button', { name: /^保\s?存$/ });
  readonly checkButton = () => this.card().getByRole('button', { name: '检查更新' });
  readonly downloadButton = () => this.card().getByRole('button', { name: /^下\s?载$/ });
  readonly restartButton = () => this.card().getByRole('button', { name: '立即重启并安装' });
  readonly currentVersion = () => this.card().getByTestId('update-current-version');
  readonly offer = () => this.card().getByTestId('update-offer');
  readonly notes = () => this.card().getByTestId('update-notes');
  readonly progress = () => this.card().getByTestId('update-progress');
  readonly restartWaits = () => this.card().getByTestId('update-restart-waits');
  readonly unavailable = () => this.card().getByTestId('update-unavailable');

  async open(): Promise<void> {
    const shell = new AppShell(this.page);
    await shell.open('/');
    await shell.go('系统与数据');
    await expect(this.currentVersion()).toBeVisible();
  }

  /** 立即重启并安装, then the confirmation's 重启并安装. */
  async restartAndInstall(): Promise<void> {
    await this.restartButton().click();
    await this.page.getByRole('button', { name: '重启并安装', exact: true }).click();
  }

  async saveFeedUrl(url: string): Promise<void> {
    await this.feedInput().fill(url);
    await this.saveButton().click();
  }
}
