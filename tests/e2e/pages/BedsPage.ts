/** Page object: 床位 (occupancy board and bed records). */
import type { Page } from '@playwright/test';
import { buttonName, typeDate } from './ResidentWidgets';

export class BedsPage {
  constructor(readonly page: Page) {}

  readonly bed = (code: string) => this.page.getByRole('group', { name: `床位 ${code}` });
  readonly counts = () => this.page.getByTestId('bed-counts');
  readonly rows = () => this.page.getByRole('table', { name: '床位列表' }).locator('.ant-table-tbody tr.ant-table-row');
  readonly row = (code: string) => this.rows().filter({ hasText: code });
  readonly form = () => this.page.getByRole('form', { name: '床位表单' });
  readonly field = (label: string) => this.form().getByLabel(label, { exact: true });

  async open(query = ''): Promise<void> {
    await this.page.goto(`#/beds${query}`);
    await this.page.getByRole('heading', { name: '床位', exact: true }).waitFor();
  }

  async manage(): Promise<void> {
    await this.page.getByRole('tab', { name: '床位管理' }).click();
  }

  async board(date: string): Promise<void> {
    await this.page.getByRole('tab', { name: '占用看板' }).click();
    await typeDate(this.page.getByLabel('日期', { exact: true }), date);
  }

  async addBed(b: { code: string; note?: string }): Promise<void> {
    // the toolbar's button, above the list (an empty list repeats it)
    await this.page.getByRole('button', { name: '新增床位' }).first().click();
    await this.field('床位号').fill(b.code);
    if (b.note) await this.field('备注').fill(b.note);
    await this.page
      .getByRole('dialog')
      .getByRole('button', { name: buttonName('保存') })
      .click();
    await this.page.getByRole('dialog').waitFor({ state: 'hidden' });
  }

  async deleteBed(code: string): Promise<void> {
    await this.page.getByRole('button', { name: `删除 ${code}` }).click();
    await this.page
      .getByRole('tooltip')
      .filter({ hasText: `确定删除床位 ${code}？` })
      .getByRole('button', { name: buttonName('删除') })
      .click();
  }
}
