/** Page object: 检查准备 (the readiness board, 自查, 抽查与资料包). */
import type { Download, Locator, Page } from '@playwright/test';

export class InspectionPage {
  constructor(readonly page: Page) {}

  async open(query = ''): Promise<void> {
    await this.page.goto(`#/inspection${query}`);
    await this.page.getByRole('heading', { name: '检查准备', level: 1 }).waitFor();
  }

  async tab(name: '检查看板' | '自查' | '抽查与资料包'): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  // --- 检查看板 ---------------------------------------------------------------------------------

  /** the score's figure, e.g. "53" (shown as 53 / 100) */
  readonly score = () => this.page.getByTestId('board-score').locator('.ant-statistic-content-value');
  /** a check's row by its id (readiness.ts: assessments, duration, overlaps, …) */
  readonly check = (id: string) => this.page.getByTestId(`check-${id}`);
  readonly checkStatus = (id: string) => this.check(id).locator('.ant-tag');
  /** the records under an opened check */
  readonly checkRecords = () => this.page.locator('.ant-table-expanded-row');

  async openCheck(id: string): Promise<void> {
    await this.check(id)
      .getByRole('button', { name: /展开行|Expand row/ })
      .click();
  }

  // --- 自查 -----------------------------------------------------------------------------------

  readonly rule = (id: string) => this.page.getByTestId(`rule-${id}`);
  readonly ruleHits = (id: string) => this.rule(id).locator('.ant-table-tbody tr.ant-table-row');
  readonly totals = () => this.page.getByTestId('audit-totals');
  readonly onlyNew = () => this.page.getByRole('switch', { name: '只看未核实' });

  /** 核实为正常 on the hit whose row shows `text`, with a note. */
  async verify(rule: string, text: string, note: string): Promise<void> {
    await this.ruleHits(rule).filter({ hasText: text }).getByRole('button', { name: '核实为正常' }).click();
    const dialog = this.page.getByRole('dialog', { name: '核实为正常' });
    await dialog.getByLabel('核实说明').fill(note);
    await dialog.getByRole('button', { name: '确认核实' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  async rerunSelfAudit(): Promise<void> {
    await this.page.getByRole('button', { name: '重新自查' }).click();
  }

  // --- 抽查与资料包 ----------------------------------------------------------------------------

  readonly sampleRows = () => this.page.getByRole('table', { name: '抽查结果' }).locator('.ant-table-tbody tr.ant-table-row');
  readonly sampleNote = () => this.page.getByTestId('sample-note');

  async drawSample(residents: number, days: number, seed: number): Promise<void> {
    await this.setNumber('抽查人数', residents);
    await this.setNumber('抽查天数', days);
    await this.setNumber('随机种子', seed);
    await this.page.getByRole('button', { name: '抽查', exact: true }).click();
  }

  private async setNumber(label: string, n: number): Promise<void> {
    const field: Locator = this.page.getByLabel(label, { exact: true });
    await field.fill(String(n));
    await field.press('Tab');
  }

  /** 生成检查资料包: the PDF as offered for download once the job is done. */
  async evidencePack(): Promise<Download> {
    const download = this.page.waitForEvent('download', { timeout: 120_000 });
    await this.page.getByRole('button', { name: '生成检查资料包' }).click();
    return download;
  }
}
