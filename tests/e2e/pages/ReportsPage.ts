/** Page object: 报表 (the claims ledger: filters, rows, totals, export). */
import type { Download, Locator, Page } from '@playwright/test';

export class ReportsPage {
  constructor(readonly page: Page) {}

  readonly rows = () => this.page.locator('.ant-table-tbody tr.ant-table-row');
  readonly totals = () => this.page.getByTestId('ledger-totals');
  readonly empty = () => this.page.locator('.ant-table-tbody .ant-empty');

  /** A row's cell under the column titled `title` (found by the header, so the columns' order may change). */
  cell(row: Locator, title: string): Locator {
    return row.locator(`xpath=./td[count(ancestor::table[1]/thead/tr/th[normalize-space(.)='${title}']/preceding-sibling::th) + 1]`);
  }

  async filterStatus(option: '全部状态' | '已申报' | '已结算'): Promise<void> {
    await this.page.mouse.move(0, 0);
    await this.page.getByLabel('状态', { exact: true }).click();
    await this.page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
  }

  async exportWorkbook(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: '导出 Excel' }).click();
    return download;
  }

  async openMonth(month: string): Promise<void> {
    await this.rows().getByRole('link', { name: month }).click();
  }
}
