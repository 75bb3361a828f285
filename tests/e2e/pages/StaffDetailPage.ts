/** Page object: one staff member (基本信息 form, 证书 list and dialog, delete). */
import type { Locator, Page } from '@playwright/test';

export interface StaffData {
  name?: string;
  idNumber?: string;
  role?: string;
  employedFrom?: string;
  employedTo?: string;
}

export interface CertificateData {
  type?: string;
  number?: string;
  level?: string;
  issuedOn?: string;
  expiresOn?: string;
}

/** Types a date into an antd date field and confirms it with Enter, as a keyboard user would. */
export async function typeDate(field: Locator, value: string): Promise<void> {
  await field.click();
  await field.fill(value);
  await field.press('Enter');
}

async function choose(page: Page, field: Locator, option: string): Promise<void> {
  await page.mouse.move(0, 0);
  await field.click();
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`).click();
}

export class StaffDetailPage {
  constructor(readonly page: Page) {}

  readonly form = () => this.page.getByRole('form', { name: '员工信息表单' });
  readonly field = (label: string) => this.form().getByLabel(label, { exact: true });
  readonly dialog = () => this.page.getByRole('dialog');
  readonly certField = (label: string) => this.dialog().getByLabel(label, { exact: true });
  readonly certificates = () => this.page.getByRole('table', { name: '证书列表' });
  readonly certificate = (number: string) => this.certificates().locator('tbody tr').filter({ hasText: number });

  async fill(d: StaffData): Promise<void> {
    if (d.name !== undefined) await this.field('姓名').fill(d.name);
    if (d.idNumber !== undefined) await this.field('身份证号').fill(d.idNumber);
    if (d.role) await choose(this.page, this.field('岗位'), d.role);
    if (d.employedFrom) await typeDate(this.field('入职日期'), d.employedFrom);
    if (d.employedTo) await typeDate(this.field('离职日期'), d.employedTo);
  }

  async save(): Promise<void> {
    await this.form().getByRole('button', { name: '保存员工信息' }).click();
  }

  async openAddCertificate(): Promise<void> {
    await this.page.getByRole('button', { name: '添加证书' }).click();
    await this.dialog().waitFor();
  }

  async fillCertificate(c: CertificateData): Promise<void> {
    if (c.type) await choose(this.page, this.certField('证书类型'), c.type);
    if (c.number !== undefined) await this.certField('证书编号').fill(c.number);
    if (c.level !== undefined) await this.certField('证书等级').fill(c.level);
    if (c.issuedOn) await typeDate(this.certField('发证日期'), c.issuedOn);
    if (c.expiresOn) await typeDate(this.certField('有效期至'), c.expiresOn);
  }

  async saveCertificate(): Promise<void> {
    await this.dialog().getByRole('button', { name: '保存证书' }).click();
  }

  /** Clicks 删除员工 and answers the question. */
  async delete(confirm: boolean): Promise<void> {
    await this.page.getByRole('button', { name: '删除员工' }).click();
    const ask = this.page.getByRole('dialog').filter({ hasText: '删除员工“' });
    // antd spaces out a two-character label (取 消), so the cancel button is matched loosely.
    await ask.getByRole('button', { name: confirm ? '确认删除' : /^取\s*消$/ }).click();
  }
}
