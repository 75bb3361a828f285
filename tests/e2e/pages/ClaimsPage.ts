/** Page object: 月度结算 (totals, issues, lines, submit, 撤回, print preview, package files, agency result, reconciliation). */
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { ISSUE_TITLES, type IssueCode } from '../../../shared/claims/issueCodes';
import { buttonName } from './ResidentWidgets';

export type TotalKey = 'persons' | 'billableDays' | 'hours' | 'visits' | 'fee' | 'fund' | 'personal';
export type Severity = 'error' | 'warning' | 'info';

export class ClaimsPage {
  constructor(readonly page: Page) {}

  readonly status = () => this.page.getByTestId('claim-status');
  readonly computing = () => this.page.getByTestId('claim-computing');
  readonly jobProgress = () => this.page.getByTestId('claim-job-progress');
  /** the value of one total, as shown (yuan with two decimals, hours with two decimals) */
  readonly total = (key: TotalKey) => this.page.getByTestId(`total-${key}`).locator('.ant-statistic-content');

  async open(month: string): Promise<void> {
    await this.page.goto(`#/claims?month=${month}`);
    await this.page.getByRole('heading', { name: '月度结算' }).waitFor();
  }

  async tab(name: '问题' | '结算明细' | '申报文件' | '审核结果与对账' | '已撤回' | `补报 ${number}`): Promise<void> {
    await this.page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
  }

  async recompute(): Promise<void> {
    await this.page.getByRole('button', { name: '重新计算' }).click();
  }

  // --- issues ---------------------------------------------------------------------------------

  readonly issueGroup = (s: Severity) => this.page.getByTestId(`issue-list-${s}`);
  readonly issues = () => this.page.getByTestId('issue');
  /** the issues of one code (each item carries its code) */
  readonly issuesOf = (code: string) => this.page.locator(`[data-testid="issue"][data-code="${code}"]`);

  /** The codes shown in one severity group, without repeats. */
  async codesIn(s: Severity): Promise<string[]> {
    const codes = await this.issueGroup(s)
      .getByTestId('issue')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-code') ?? ''));
    return [...new Set(codes)].sort();
  }

  /** Waits until one severity group shows exactly `codes` (the groups are fetched a page at a time). */
  async expectCodesIn(s: Severity, codes: string[]): Promise<void> {
    await expect.poll(() => this.codesIn(s), { message: s }).toEqual(codes);
  }

  /** The codes shown in all groups, without repeats, in their order. */
  readonly shownCodes = (): Promise<(string | null)[]> => this.issues().evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-code')))]);

  async filterIssues(f: { severity?: string; code?: string; search?: string }): Promise<void> {
    if (f.severity) await this.pick(this.page.getByLabel('严重程度', { exact: true }), f.severity);
    // the kinds are listed by their Chinese titles; tests name them by their stable codes
    if (f.code) await this.pick(this.page.getByLabel('问题类型', { exact: true }), ISSUE_TITLES[f.code as IssueCode] ?? f.code);
    if (f.search !== undefined) await this.page.getByRole('searchbox', { name: '搜索问题' }).fill(f.search);
  }

  async clearIssueFilters(): Promise<void> {
    const clear = this.page.getByRole('button', { name: '清除筛选' });
    if (await clear.isVisible()) await clear.click();
  }

  /** Follows an issue's link to the record that fixes it. */
  async followIssueLink(issue: Locator, link: string | RegExp): Promise<void> {
    await issue.getByRole('link', { name: link }).click();
  }

  // --- lines ----------------------------------------------------------------------------------

  /** the open tab's panel (hidden panels are not in the accessibility tree) */
  readonly panel = () => this.page.getByRole('tabpanel');
  readonly lineRows = () => this.panel().locator('.ant-table-tbody tr.ant-table-row');
  readonly lineRow = (text: string) => this.lineRows().filter({ hasText: text });

  readonly linesTotal = () => this.panel().locator('.ant-pagination-total-text');

  async searchLines(text: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: '搜索结算明细' }).fill(text);
  }

  async sortLinesBy(column: string): Promise<void> {
    await this.panel().locator('th', { hasText: column }).click();
  }

  // --- submit ---------------------------------------------------------------------------------

  readonly submitButton = () => this.page.getByRole('button', { name: buttonName('申报') });
  /** why 申报 is disabled (the month has not ended) */
  readonly submitBlocked = () => this.page.getByTestId('submit-blocked');
  readonly submitDialog = () => this.page.getByRole('dialog', { name: /^申报 / });
  readonly supplementDialog = () => this.page.getByRole('dialog', { name: /^补报 / });
  readonly supplementOk = () => this.supplementDialog().getByRole('button', { name: buttonName('确定') });

  async openSupplement(): Promise<void> {
    await this.page.getByRole('button', { name: buttonName('补报') }).click();
    await this.supplementDialog().waitFor();
  }

  // --- 撤回 -----------------------------------------------------------------------------------

  readonly withdrawDialog = () => this.page.getByRole('dialog', { name: /^撤回 / });
  readonly withdrawOk = () => this.withdrawDialog().getByRole('button', { name: buttonName('确定撤回') });
  readonly withdrawnClaims = () => this.page.getByTestId('withdrawn-claim');

  async openWithdraw(button = '撤回申报'): Promise<void> {
    await this.page.getByRole('button', { name: buttonName(button) }).click();
    await this.withdrawDialog().waitFor();
  }

  async withdraw(reason: string): Promise<void> {
    await this.withdrawDialog().getByLabel('撤回原因').fill(reason);
    await this.withdrawOk().click();
    await this.withdrawDialog().waitFor({ state: 'hidden' });
  }
  readonly submitOk = () => this.submitDialog().getByRole('button', { name: buttonName('确定') });

  async openSubmit(): Promise<void> {
    await this.page.getByRole('button', { name: buttonName('申报') }).click();
    await this.submitDialog().waitFor();
  }

  async acceptErrors(): Promise<void> {
    await this.submitDialog()
      .getByRole('checkbox', { name: /确认带错误申报/ })
      .check();
  }

  async fillSubmittedBy(name: string): Promise<void> {
    await this.submitDialog().getByLabel('申报人').fill(name);
  }

  async cancelSubmit(): Promise<void> {
    await this.submitDialog()
      .getByRole('button', { name: buttonName('取消') })
      .click();
  }

  async confirmSubmit(): Promise<void> {
    await this.submitOk().click();
  }

  // --- print preview --------------------------------------------------------------------------

  readonly printPreview = () => this.page.getByTestId('print-summary');

  async openPrintPreview(): Promise<void> {
    await this.page.getByRole('button', { name: '打印汇总表' }).click();
    await this.printPreview().waitFor();
  }

  async closePrintPreview(): Promise<void> {
    await this.page
      .getByRole('dialog', { name: '打印预览' })
      .locator('.ant-modal-footer')
      .getByRole('button', { name: buttonName('关闭') })
      .click();
  }

  // --- package files --------------------------------------------------------------------------

  /** the last 校验 of the open tab's package */
  readonly verification = () => this.panel().getByTestId('verification');

  readonly fileRows = () => this.lineRows();
  readonly saveToFolderButton = () => this.page.getByRole('button', { name: /保存申报包到文件夹/ });
  readonly browserNotice = () => this.page.getByText(/浏览器预览不能直接写入文件夹或U盘/);

  async fileNames(): Promise<string[]> {
    await this.fileRows().first().waitFor();
    return (await this.fileRows().locator('td:first-child').allInnerTexts()).map((t) => t.trim());
  }

  /** Downloads one package file by its row's button. */
  async downloadFile(name: string): Promise<Download> {
    const wait = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: `下载 ${name}`, exact: true }).click();
    return wait;
  }

  /** 预览 of a PDF: the browser opens it in a new tab, whose viewer prints it. */
  async previewFile(name: string): Promise<Page> {
    const popup = this.page.waitForEvent('popup');
    await this.page.getByRole('button', { name: `预览 ${name}`, exact: true }).click();
    return popup;
  }

  /** Clicks 全部下载 and collects the downloads it starts (one per file). */
  async downloadAll(count: number): Promise<Download[]> {
    const got: Download[] = [];
    const collect = (d: Download) => void got.push(d);
    this.page.on('download', collect);
    try {
      await this.page.getByRole('button', { name: '全部下载' }).click();
      await expect.poll(() => got.length, { timeout: 30_000 }).toBe(count);
    } finally {
      this.page.off('download', collect);
    }
    return got;
  }

  // --- agency result --------------------------------------------------------------------------

  async downloadResultTemplate(): Promise<Download> {
    const wait = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: '下载审核结果模板' }).first().click();
    return wait;
  }

  /** the preview of a chosen result file: counts, amounts and lines, before anything is imported */
  readonly resultPreview = () => this.page.getByRole('dialog', { name: /^审核结果预览/ });
  /** the preview of a corrected result for a settled claim: what it would replace */
  readonly correctionPreview = () => this.page.getByRole('dialog', { name: /^更正的审核结果预览/ });
  /** where a corrected result's 更正原因 is typed (required) */
  readonly correctionReason = () => this.correctionPreview().getByRole('textbox', { name: '更正原因' });

  /** 对账表 of the month (.xlsx) */
  async downloadReconciliation(): Promise<Download> {
    const wait = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: /下载对账表（Excel）$/ }).click();
    return wait;
  }
  readonly resultCount = (r: 'accepted' | 'deducted' | 'rejected') => this.resultPreview().getByTestId(`result-count-${r}`).locator('.ant-statistic-content');

  /** Chooses a result file: the services read and check it, and the preview opens (nothing imported yet). */
  async chooseResultFile(file: string): Promise<void> {
    await this.panel().locator('input[type=file]').first().setInputFiles(file);
  }

  /** Imports a result: choose the file, read the preview, confirm. */
  async importResult(file: string): Promise<void> {
    await this.chooseResultFile(file);
    await this.resultPreview()
      .getByRole('button', { name: buttonName('确认导入') })
      .click();
    await this.resultPreview().waitFor({ state: 'hidden' });
  }

  async filterPersons(result: '全部' | '扣款' | '拒付' | '通过' | '待审核'): Promise<void> {
    await this.page
      .getByTestId('reconciliation-persons')
      .getByText(new RegExp(`^${result}（\\d+）$`))
      .click();
  }
  readonly personRows = () => this.page.getByTestId('reconciliation-persons').locator('tr.ant-table-row');

  readonly reconciliation = () => this.page.getByTestId('reconciliation');
  readonly monthRow = (month: string) => this.page.getByTestId('reconciliation-months').locator('tr.ant-table-row', { hasText: month });
  readonly personRow = (name: string) => this.page.getByTestId('reconciliation-persons').locator('tr.ant-table-row', { hasText: name });
  readonly reasonRows = () => this.page.getByTestId('reconciliation-reasons').locator('tr.ant-table-row');

  private async pick(field: Locator, text: string): Promise<void> {
    await this.page.mouse.move(0, 0);
    await field.click();
    await this.page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
  }
}
