/** Page object: 证书矩阵 (staff × certificate type on a date). */
import type { Page } from '@playwright/test';
import { typeDate } from './StaffDetailPage';

export class StaffMatrixPage {
  constructor(readonly page: Page) {}

  readonly table = () => this.page.getByRole('table', { name: '证书矩阵' });
  readonly rows = () => this.table().locator('tbody tr.ant-table-row');
  readonly row = (name: string) => this.rows().filter({ has: this.page.getByRole('link', { name, exact: true }) });
  /** the cell of a certificate type, by the column's position (姓名, 岗位, then the three types) */
  readonly cell = (name: string, type: '护士执业证书' | '长期照护师证书' | '养老护理员证书') =>
    this.row(name)
      .locator('td')
      .nth(2 + ['护士执业证书', '长期照护师证书', '养老护理员证书'].indexOf(type));
  readonly counts = (type: 'nurse-licence' | 'ltc-caregiver' | 'elderly-caregiver') => this.page.getByTestId(`matrix-count-${type}`);

  async open(): Promise<void> {
    await this.page.goto('#/staff/matrix');
    await this.table().waitFor();
  }

  async setDate(date: string): Promise<void> {
    await typeDate(this.page.getByLabel('查看日期'), date);
  }
}
