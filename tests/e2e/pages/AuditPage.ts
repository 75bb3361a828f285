/** Page object: 审计日志 (filters, the newest-first list, a row's changes). */
import type { Page } from '@playwright/test';

export class AuditPage {
  constructor(readonly page: Page) {}

  /** the list's own rows (an opened entry's changes are a table of their own) */
  readonly rows = () => this.page.locator('table[aria-label="审计日志列表"] > tbody > tr.ant-table-row');
  /** the opened entry's before/after table */
  readonly changes = () => this.page.locator('.ant-table-expanded-row');

  async expand(rowIndex: number): Promise<void> {
    await this.rows()
      .nth(rowIndex)
      .getByRole('button', { name: /展开行|Expand row/ })
      .click();
  }

  /** the field names of every opened entry */
  async fieldLabels(): Promise<string[]> {
    return this.changes().locator('.ant-table-tbody tr.ant-table-row td:first-child').allInnerTexts();
  }

  async filter(label: '操作人' | '操作' | '对象', option: string): Promise<void> {
    const field = this.page.getByLabel(label, { exact: true });
    await this.page.mouse.move(0, 0);
    await field.click();
    await this.page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
  }
}
