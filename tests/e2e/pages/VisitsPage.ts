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
async function pickOption(page: Page, field: Locator, text: string): Promise<void> {
  // Off any sortable column header, whose tooltip (点击升序) can cover the field (see ResidentWidgets).
  await page.mouse.move(0, 0);
  await field.click();
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
    await pickOption(this.page, this.statusFilter(), label);
  }

  // --- the drawer -----------------------------------------------------------------------------

  readonly form = () => this.page.getByRole('form', { name: '上门服务记录表单' });
  readonly field = (label: string) => this.form().getByLabel(label, { exact: true });
  readonly check = () => this.page.getByTestId('visit-check');
  /** the client's month against the pack's limits, in the check panel */
  readonly quota = () => this.check().getByTestId('quota-use');
  readonly drawer = () => this.page.getByRole('dialog');
  readonly saveButton = () => this.drawer().getByRole('button', { name: /^保存记录/ });

  async add(): Promise<void> {
    // the header's button (an empty list repeats it below)
    await this.page.getByRole('button', { name: '新增服务记录' }).first().click();
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
   * A person (or a service item) is picked as a keyboard user does: type, wait until the list answers
   * for what was typed and highlights it, press Enter, and see it by name in the box.
   *
   * Not by clicking the option: CI lost such clicks twice (2026-12-01 an item, 2026-12-02 a client,
   * both attempts of a retry) while the list was re-rendered under the pointer; locally, even at 20x
   * CPU throttling, they never were. Enter acts on the highlighted option, whatever moves. If the box
   * still does not show it, the user picks again, as does this (three tries, then the test fails).
   */
  private async pickShown(label: string, name: string): Promise<void> {
    const field = this.field(label);
    const box = field.locator('xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
    const highlighted = this.page.locator('.ant-select-dropdown:visible .ant-select-item-option-active', { hasText: name });
    for (let attempt = 1; ; attempt += 1) {
      // Off any sortable column header, whose tooltip (点击升序) can cover the field (see ResidentWidgets).
      await this.page.mouse.move(0, 0);
      await field.click();
      await field.fill(name);
      await expect(highlighted).toBeVisible();
      await field.press('Enter');
      try {
        await expect(box).toContainText(name, { timeout: 3_000 });
        return;
      } catch (e) {
        if (attempt === 3) throw e;
      }
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
