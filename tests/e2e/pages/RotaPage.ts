/** Page object: 排班 (the grid, its palette and toolbar, the checks' list, the dialogs). */
import type { Download, Page } from '@playwright/test';

export class RotaPage {
  constructor(readonly page: Page) {}

  readonly grid = () => this.page.getByRole('grid', { name: '排班表' });
  /** a person's cell on a day (its accessible name starts with `姓名 日期`) */
  readonly cell = (name: string, date: string) => this.grid().getByRole('gridcell', { name: new RegExp(`^${name} ${date} `) });
  readonly coverage = (shift: string) => this.page.getByTestId(`coverage-${shift}`);
  /** 应配/实配 of a shift on a day */
  readonly coverageCell = (shift: string, date: string) => this.coverage(shift).locator(`td[aria-label^="${shift} ${date} "]`);
  readonly issues = () => this.page.getByTestId('rota-issues');
  readonly status = () =>
    this.page
      .locator('.ant-tag')
      .filter({ hasText: /草稿|已发布/ })
      .first();

  async open(month: string, view: 'month' | 'week' = 'month', week?: string): Promise<void> {
    await this.page.goto(`#/rota?month=${month}&view=${view}${week ? `&week=${week}` : ''}`);
    await this.grid().waitFor();
  }

  /** Focuses a cell and types a shift's key (or Delete), as the head nurse does. */
  async type(name: string, date: string, key: string): Promise<void> {
    await this.cell(name, date).click();
    await this.page.keyboard.press(key);
  }

  /** Pastes tab-separated text (a block copied from Excel) at a cell. */
  async paste(name: string, date: string, text: string): Promise<void> {
    const cell = this.cell(name, date);
    await cell.click();
    await cell.evaluate((el, t) => {
      const data = new DataTransfer();
      data.setData('text/plain', t);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
  }

  async toolbar(label: string): Promise<void> {
    await this.page.getByRole('button', { name: label, exact: true }).click();
  }

  async suggest(from: string, to: string): Promise<void> {
    await this.toolbar('排班建议');
    const dialog = this.page.getByRole('dialog', { name: '排班建议' });
    await dialog.getByRole('textbox', { name: '建议开始日期' }).fill(from);
    await dialog.getByRole('textbox', { name: '建议开始日期' }).press('Enter');
    await dialog.getByRole('textbox', { name: '建议结束日期' }).fill(to);
    await dialog.getByRole('textbox', { name: '建议结束日期' }).press('Enter');
    await dialog.getByRole('button', { name: '生成建议' }).click();
    await dialog.getByTestId('rota-suggestion').waitFor({ timeout: 30_000 });
  }

  readonly suggestion = () => this.page.getByTestId('rota-suggestion');

  async publish(by: string): Promise<void> {
    await this.toolbar('发布');
    const dialog = this.page.getByRole('dialog', { name: /发布本月排班/ });
    await dialog.getByRole('textbox', { name: '发布人' }).fill(by);
    await dialog.getByRole('button', { name: '发布' }).click();
  }

  async giveReason(reason: string): Promise<void> {
    const dialog = this.page.getByRole('dialog', { name: '调班原因' });
    await dialog.getByRole('textbox', { name: '调班原因' }).fill(reason);
    await dialog.getByRole('button', { name: '确定' }).click();
  }

  readonly importDialog = () => this.page.getByRole('dialog', { name: /从 Excel 导入排班/ });

  /** 从 Excel 导入 › 下载排班导入模板: the month's grid as a workbook to fill in. */
  async downloadImportTemplate(): Promise<Download> {
    await this.toolbar('从 Excel 导入');
    const link = this.importDialog().getByRole('button', { name: '下载排班导入模板' });
    const [download] = await Promise.all([this.page.waitForEvent('download'), link.click()]);
    return download;
  }

  /** Chooses a filled-in workbook in the open import dialog and waits for its preview. */
  async chooseImport(file: string): Promise<void> {
    await this.importDialog().locator('input[type=file]').setInputFiles(file);
    // a table with a fixed header is two tables (head, body), both named
    await this.importDialog().getByRole('table', { name: '排班导入预览' }).first().waitFor();
  }
}
