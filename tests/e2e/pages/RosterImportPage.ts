/** Page object: 花名册导入 (template download, upload, checked preview, exclusion, import). */
import type { Download, Page } from '@playwright/test';

export class RosterImportPage {
  constructor(readonly page: Page) {}

  readonly preview = () => this.page.getByRole('table', { name: '花名册预览' });
  readonly issues = (sheet: 'residents' | 'staff', row: number) => this.page.getByTestId(`issues-${sheet}:${row}`);
  readonly excludeErrors = () => this.page.getByRole('checkbox', { name: /^排除有错误的行（\d+ 行）$/ });
  readonly commitButton = () => this.page.getByRole('button', { name: /^导入 \d+ 行$/ });
  readonly summary = () => this.page.getByTestId('roster-summary');

  async open(): Promise<void> {
    await this.page.goto('#/import/roster');
  }

  async downloadTemplate(): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByRole('button', { name: '下载花名册模板' }).click()]);
    return download;
  }

  async choose(file: string): Promise<void> {
    await this.page.locator('input[type=file]').setInputFiles(file);
    await this.preview().waitFor();
  }
}
