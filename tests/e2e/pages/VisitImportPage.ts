/** Page object: 导入上门服务记录 (choose a file, the checked preview, exclusions, commit). */
import type { Page } from '@playwright/test';

export class VisitImportPage {
  constructor(readonly page: Page) {}

  readonly preview = () => this.page.getByRole('table').filter({ has: this.page.getByRole('columnheader', { name: '行号' }) });
  readonly previewRow = (row: number) => this.page.locator(`tr[data-row="${row}"]`);
  /** 导入 N 条记录, 导入 N 条记录并更新 M 条, or 更新 M 条记录 (rows already imported, changed in the file) */
  readonly commitButton = () => this.page.getByRole('button', { name: /^(导入 \d+ 条记录(并更新 \d+ 条)?|更新 \d+ 条记录)$/ });

  async choose(file: string): Promise<void> {
    await this.page.locator('input[type=file]').setInputFiles(file);
    await this.preview().waitFor();
  }

  async exclude(row: number): Promise<void> {
    await this.page.getByRole('checkbox', { name: `排除第${row}行` }).check();
  }

  async commit(): Promise<void> {
    await this.commitButton().click();
  }
}
