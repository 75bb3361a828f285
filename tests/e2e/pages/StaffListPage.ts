/** Page object: 员工与证书 (the list, its search and filters). */
import type { Page } from '@playwright/test';

export class StaffListPage {
  constructor(readonly page: Page) {}

  readonly table = () => this.page.getByRole('table', { name: '员工列表' });
  readonly rows = () => this.table().locator('tbody tr.ant-table-row');
  readonly row = (name: string) => this.rows().filter({ has: this.page.getByRole('link', { name, exact: true }) });
  readonly search = () => this.page.getByRole('searchbox', { name: '搜索员工' });

  async open(query = ''): Promise<void> {
    await this.page.goto(`#/staff${query}`);
    await this.table().waitFor();
  }

  async find(text: string): Promise<void> {
    await this.search().fill(text);
    await this.search().press('Enter');
  }

  async filter(label: '岗位' | '在职状态' | '证书状态', option: string): Promise<void> {
    await this.page.mouse.move(0, 0);
    await this.page.getByRole('combobox', { name: label }).click();
    await this.page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`).click();
  }

  async add(): Promise<void> {
    // the header's button (an empty list repeats it below)
    await this.page.getByRole('button', { name: '新增员工' }).first().click();
  }
}
