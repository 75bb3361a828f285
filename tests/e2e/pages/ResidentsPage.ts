/** Page object: 服务对象 list and the new-resident form. */
import type { Page } from '@playwright/test';
import { pickOption } from './ResidentWidgets';

export class ResidentsPage {
  constructor(readonly page: Page) {}

  readonly rows = () => this.page.getByRole('table', { name: '服务对象列表' }).locator('.ant-table-tbody tr.ant-table-row');
  readonly row = (text: string) => this.rows().filter({ hasText: text });
  readonly searchBox = () => this.page.getByRole('searchbox', { name: '搜索服务对象' });
  readonly filter = (label: '护理方式' | '状态' | '当前等级') => this.page.getByRole('search', { name: '筛选服务对象' }).getByLabel(label, { exact: true });

  async open(query = ''): Promise<void> {
    await this.page.goto(`#/residents${query}`);
    await this.page.getByRole('heading', { name: '服务对象' }).waitFor();
  }

  async search(text: string): Promise<void> {
    await this.searchBox().fill(text);
    await this.searchBox().press('Enter');
  }

  async filterBy(label: '护理方式' | '状态' | '当前等级', option: string): Promise<void> {
    await pickOption(this.page, this.filter(label), option);
  }

  async openResident(name: string): Promise<void> {
    await this.row(name).getByRole('link', { name }).click();
    await this.page.getByRole('heading', { name: new RegExp(`^${name}`) }).waitFor();
  }

  async add(): Promise<void> {
    // the header's button (an empty list repeats it below)
    await this.page.getByRole('button', { name: '新增服务对象' }).first().click();
    await this.page.getByRole('heading', { name: '新增服务对象' }).waitFor();
  }
}
