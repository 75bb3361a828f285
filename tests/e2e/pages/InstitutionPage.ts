/** Page object: 机构设置. */
import type { Page } from '@playwright/test';

export interface InstitutionData {
  name: string;
  uscc: string;
  agencyCode: string;
  region: string;
  dailyFeeYuan?: Record<string, string>;
  hourlyFeeYuan?: string;
}

export class InstitutionPage {
  constructor(readonly page: Page) {}

  readonly form = () => this.page.getByRole('form', { name: '机构设置表单' });
  readonly field = (label: string) => this.form().getByLabel(label, { exact: true });
  readonly saveButton = () => this.form().getByRole('button', { name: '保存机构设置' });
  readonly packNumbers = () => this.page.getByTestId('pack-numbers');

  async fill(d: InstitutionData): Promise<void> {
    await this.field('机构名称').fill(d.name);
    await this.field('统一社会信用代码').fill(d.uscc);
    await this.field('定点机构编码').fill(d.agencyCode);
    await this.field('统筹区编码').fill(d.region);
    for (const [level, yuan] of Object.entries(d.dailyFeeYuan ?? {})) await this.field(`${level}级日护理费`).fill(yuan);
    if (d.hourlyFeeYuan) await this.field('居家护理每小时收费').fill(d.hourlyFeeYuan);
  }

  async save(): Promise<void> {
    await this.saveButton().click();
  }
}
