/** Page object: 上门服务 list (filters, table) and its entry drawer. */
import { expect, type Locator, type Page } from '@playwright/test';

export interface VisitData {
  resident: string;
  staff: string;
  start: string;
  end: string;
  items: string[];
  confirmed?: boolean;
}

/** antd renders a select's options in a popup outside the field; pick by visible text. */
async function pickOption(page: Page, field: Locator, text: string, opts: { type?: boolean } = {}): Promise<void> {
  // Off any sortable column header, whose tooltip (点击升序) can cover the field (see ResidentWidgets).
  await page.mouse.move(0, 0);
  await field.click();
  // Searchable selects narrow the options as one types (the services search clients and staff).
  if (opts.type !== false) await field.fill(text);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
}

export class VisitsPage {
  constructor(readonly page: Page) {}

  readonly table = () => this.page.getByRole('table').first();
  readonly rows = () => this.page.locator('.ant-table-tbody tr.ant-table-row');
  readonly row = (text: string) => this.rows().filter({ hasText: text });
  readonly statusFilter = () => this.page.getByLabel('状态', { exact: true });
  readonly searchBox = () => this.page.getByRole('searchbox', { name: '搜索上门服务' });
  readonly total = () => this.page.locator('.ant-pagination-total-text');

  async open(query = ''): Promise<void> {
    await this.page.goto(`#/visits${query}`);
    await this.page.getByRole('heading', { name: '上门服务' }).waitFor();
  }

  async search(text: string): Promise<void> {
    await this.searchBox().fill(text);
    await this.searchBox().press('Enter');
  }

  async filterStatus(label: string): Promise<void> {
    await pickOption(this.page, this.statusFilter(), label, { type: false });
  }

  // --- the drawer -----------------------------------------------------------------------------

  readonly form = () => this.page.getByRole('form', { name: '上门服务记录表单' });
  readonly field = (label: string) => this.form().getByLabel(label, { exact: true });
  readonly check = () => this.page.getByTestId('visit-check');
  readonly drawer = () => this.page.getByRole('dialog');
  readonly saveButton = () => this.drawer().getByRole('button', { name: /^保存记录/ });

  async add(): Promise<void> {
    await this.page.getByRole('button', { name: '新增服务记录' }).click();
    await this.form().waitFor();
  }

  async edit(ref: string): Promise<void> {
    await this.page.getByRole('button', { name: `编辑 ${ref}` }).click();
    await this.form().waitFor();
  }

  async setTime(label: string, value: string): Promise<void> {
    const input = this.field(label);
    await input.click();
    await input.fill(value);
    await input.press('Enter');
  }

  /**
   * A person (or a service item) picked in a searching select shows by name in its box, as a user
   * checks. On a loaded machine the click can land while the list is being replaced or closing; the
   * user then picks again, and so does this, once: a second miss fails the test. (CI on 2026-12-02:
   * the item's click was lost once, and the visit could not be saved without items.)
   */
  private async pickShown(label: string, name: string): Promise<void> {
    const box = this.field(label).locator('xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
    await pickOption(this.page, this.field(label), name);
    try {
      await expect(box).toContainText(name, { timeout: 3_000 });
    } catch {
      await this.page.keyboard.press('Escape');
      await pickOption(this.page, this.field(label), name);
      await expect(box).toContainText(name);
    }
  }

  async fill(v: VisitData): Promise<void> {
    await this.pickShown('服务对象', v.resident);
    await this.pickShown('护理人员', v.staff);
    await this.setTime('开始时间', v.start);
    await this.setTime('结束时间', v.end);
    for (const item of v.items) await this.pickShown('服务项目', item);
    await this.page.keyboard.press('Escape');
    if (v.confirmed) await this.field('签字确认').click();
  }

  async save(): Promise<void> {
    await this.saveButton().click();
  }

  async delete(): Promise<void> {
    await this.drawer().getByRole('button', { name: '删除记录' }).click();
    await this.page.getByRole('tooltip').getByRole('button', { name: '确定删除' }).click();
  }
}
