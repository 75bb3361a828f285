/** Page object: one resident (personal data, assessments, stay events, calendar). */
import type { Page } from '@playwright/test';
import { buttonName, pickOption, typeDate } from './ResidentWidgets';

export interface PersonalData {
  name: string;
  idNumber: string;
  insurance?: '职工医保' | '城乡居民医保';
  phone?: string;
}

export interface EventData {
  type: '入住' | '住院' | '请假外出' | '返院' | '出院' | '死亡';
  date: string;
  mode?: '机构护理' | '居家护理';
  bed?: string;
  note?: string;
}

export class ResidentDetailPage {
  constructor(readonly page: Page) {}

  /** `#/residents/3?tab=calendar&month=2026-10`, as the claim's links open it */
  async open(id: number, query = ''): Promise<void> {
    await this.page.goto(`#/residents/${id}${query ? `?${query}` : ''}`);
  }

  /** the tab shown */
  readonly activeTab = () => this.page.getByRole('tab', { selected: true });

  // --- personal data -------------------------------------------------------------------------
  readonly personalForm = () => this.page.getByRole('form', { name: '服务对象信息表单' });
  readonly personalField = (label: string) => this.personalForm().getByLabel(label, { exact: true });
  readonly idFacts = () => this.page.getByTestId('id-facts');
  readonly summary = () => this.page.getByTestId('resident-summary');
  /** a home-care client's use of this month's quota */
  readonly quota = () => this.page.getByTestId('quota-use');
  /** the message under a field of the personal form */
  readonly personalError = (label: string) =>
    this.personalForm()
      .locator('.ant-form-item')
      .filter({ has: this.page.getByLabel(label, { exact: true }) })
      .locator('.ant-form-item-explain-error');

  async fillPersonal(d: PersonalData): Promise<void> {
    await this.personalField('姓名').fill(d.name);
    await this.personalField('身份证号').fill(d.idNumber);
    if (d.insurance) await pickOption(this.page, this.personalField('参保类型'), d.insurance);
    if (d.phone) await this.personalField('联系电话').fill(d.phone);
  }

  async savePersonal(): Promise<void> {
    await this.personalForm()
      .getByRole('button', { name: buttonName('保存') })
      .click();
  }

  async tab(name: '基本信息' | '评估结论' | '入住记录' | '床日日历'): Promise<void> {
    await this.page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
  }

  // --- assessments ---------------------------------------------------------------------------
  readonly assessmentRows = () => this.page.getByRole('table', { name: '评估结论列表' }).locator('.ant-table-tbody tr.ant-table-row');
  readonly dialog = () => this.page.getByRole('dialog').filter({ has: this.page.getByRole('form') });

  async addAssessment(a: { level: string; concludedOn: string; number?: string; assessor?: string }): Promise<void> {
    await this.page.getByRole('button', { name: '录入评估结论' }).click();
    const form = this.page.getByRole('form', { name: '评估结论表单' });
    await pickOption(this.page, form.getByLabel('失能等级', { exact: true }), a.level);
    await typeDate(form.getByLabel('结论日期', { exact: true }), a.concludedOn);
    if (a.number) await form.getByLabel('结论书编号', { exact: true }).fill(a.number);
    if (a.assessor) await form.getByLabel('评估机构', { exact: true }).fill(a.assessor);
    await this.saveDialog();
  }

  /**
   * Saves the open dialog and waits for its outcome: closed (saved) or showing why it was refused,
   * by the services (an alert) or by the form at once (a message under a field).
   */
  private async saveDialog(): Promise<void> {
    const dialog = this.page.getByRole('dialog');
    await dialog.getByRole('button', { name: buttonName('保存') }).click();
    await Promise.race([
      dialog.waitFor({ state: 'hidden' }),
      dialog.getByRole('alert').first().waitFor(),
      dialog.locator('.ant-form-item-explain-error').first().waitFor(),
    ]);
  }

  // --- stay events ---------------------------------------------------------------------------
  readonly eventRows = () => this.page.getByRole('table', { name: '入住记录列表' }).locator('.ant-table-tbody tr.ant-table-row');
  readonly eventForm = () => this.page.getByRole('form', { name: '入住记录表单' });

  /** the message under a field of the open dialog's form */
  readonly dialogError = (label: string) =>
    this.page
      .getByRole('dialog')
      .locator('.ant-form-item')
      .filter({ has: this.page.getByLabel(label, { exact: true }) })
      .locator('.ant-form-item-explain-error');

  /** Fills the event form and saves; the dialog stays open when the services refuse the event. */
  async addEvent(e: EventData): Promise<void> {
    await this.page.getByRole('button', { name: '登记事件' }).click();
    const form = this.eventForm();
    await pickOption(this.page, form.getByLabel('事件', { exact: true }), e.type);
    await typeDate(form.getByLabel('日期', { exact: true }), e.date);
    if (e.mode) await form.getByRole('radio', { name: e.mode }).check();
    if (e.bed) await pickOption(this.page, form.getByLabel('床位', { exact: true }), e.bed);
    if (e.note) await form.getByLabel('备注', { exact: true }).fill(e.note);
    await this.saveDialog();
  }

  async cancelDialog(): Promise<void> {
    await this.page
      .getByRole('dialog')
      .getByRole('button', { name: buttonName('取消') })
      .click();
  }

  // --- calendar ------------------------------------------------------------------------------
  readonly calendar = (month: string) => this.page.getByRole('list', { name: `${month} 床日日历` });
  readonly day = (date: string) => this.page.locator(`[data-date="${date}"]`);
  readonly calendarSummary = () => this.page.getByTestId('calendar-summary');

  async showMonth(month: string): Promise<void> {
    await typeDate(this.page.getByLabel('月份', { exact: true }), month);
    await this.calendar(month).waitFor();
  }
}
