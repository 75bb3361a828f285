/**
 * 月度结算 end to end: an administrator closes October 2026 for the sample institution — sees the
 * totals and the problems, fixes one, recomputes, submits, prints, downloads the package, imports the
 * agency's result and reads the reconciliation. Expected numbers come from the fixture's expected
 * claim (tests/fixtures/sample-ningbo.expected-2026-10.json) and docs/rules.md §8, never from the
 * code under test.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { ClaimsPage, type Severity } from './pages/ClaimsPage';
import { ResidentDetailPage } from './pages/ResidentDetailPage';
import { VisitsPage } from './pages/VisitsPage';
import { importDataset } from './support/dataset';
import { expect, screenshot, test } from './support/fixtures';
import { ROOT } from './support/host';

const MONTH = '2026-10';
const SAMPLE = 'tests/fixtures/sample-ningbo.json';

interface ExpectedLine {
  idNumber: string;
  name: string;
  mode: 'institutional' | 'home';
  billableDays: number;
  coveredMinutes: number;
  visits?: number;
  feeFen: number;
  fundFen: number;
  personalFen: number;
}
type Totals = { persons: number; billableDays: number; coveredMinutes: number; feeFen: number; fundFen: number; personalFen: number };
interface Expected {
  totals: Totals;
  lines: ExpectedLine[];
  issues: { code: string; severity: Severity; idNumber?: string; visit?: string }[];
}

const json = <T>(file: string): T => JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as T;
const expected = json<Expected>('tests/fixtures/sample-ningbo.expected-2026-10.json');
const sample = json<{ institution: { name: string; prices: { hourlyFeeFen: number } }; visits: { ref: string; start: string; end: string }[] }>(SAMPLE);

/** Yuan as the app shows money: thousands separators, two decimals. */
const yuan = (fen: number) => (fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const hours = (minutes: number) => (minutes / 60).toFixed(2);
const lineOf = (name: string) => expected.lines.find((l) => l.name === name) as ExpectedLine;
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const codesOf = (s: Severity) => [...new Set(expected.issues.filter((i) => i.severity === s).map((i) => i.code))].sort();

/**
 * The fix the test makes: visit v6 (60 minutes, unconfirmed) gets its confirmation, so it is claimed.
 * docs/rules.md §8, hourly quota (Ningbo 2022: level 3 gets 20 h, fund 80 %): the client's 190 + 60 minutes
 * stay within the quota; fee = round(minutes × hourlyFee / 60), fund = round(fee × 0.8).
 */
const v6 = sample.visits.find((v) => v.ref === 'v6') as { start: string; end: string };
const v6Minutes = (Date.parse(v6.end) - Date.parse(v6.start)) / 60_000;
const home = expected.lines.find((l) => l.mode === 'home') as ExpectedLine;
const homeAfter = (() => {
  const coveredMinutes = home.coveredMinutes + v6Minutes;
  const feeFen = Math.round((coveredMinutes * sample.institution.prices.hourlyFeeFen) / 60);
  const fundFen = Math.round(feeFen * 0.8);
  return { coveredMinutes, feeFen, fundFen, personalFen: feeFen - fundFen };
})();
const after: Totals = {
  persons: expected.totals.persons,
  billableDays: expected.totals.billableDays,
  coveredMinutes: homeAfter.coveredMinutes,
  feeFen: expected.totals.feeFen - home.feeFen + homeAfter.feeFen,
  fundFen: expected.totals.fundFen - home.fundFen + homeAfter.fundFen,
  personalFen: expected.totals.personalFen - home.personalFen + homeAfter.personalFen,
};
const visitsBefore = expected.lines.reduce((n, l) => n + (l.visits ?? 0), 0);

async function expectTotals(claims: ClaimsPage, t: Totals, visits: number): Promise<void> {
  await expect(claims.total('persons')).toHaveText(String(t.persons));
  await expect(claims.total('billableDays')).toHaveText(String(t.billableDays));
  await expect(claims.total('hours')).toHaveText(hours(t.coveredMinutes));
  await expect(claims.total('visits')).toHaveText(String(visits));
  await expect(claims.total('fee')).toHaveText(yuan(t.feeFen));
  await expect(claims.total('fund')).toHaveText(yuan(t.fundFen));
  await expect(claims.total('personal')).toHaveText(yuan(t.personalFen));
}

test.beforeEach(({ host }) => {
  const r = importDataset(host.dbFile, SAMPLE);
  expect(r.code, r.stderr).toBe(0);
});

test('October at a glance: computing, totals, issues by severity with filters and links, the lines', async ({ page }) => {
  const claims = new ClaimsPage(page);
  // A slow computation shows that it is computing (the services answer late here on purpose).
  await page.route('**/rpc/claims.month', async (route) => {
    await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  await claims.open(MONTH);
  await expect(claims.computing()).toBeVisible();
  await expect(claims.computing()).toContainText(`正在按当前记录计算 ${MONTH} 的结算`);
  await expectTotals(claims, expected.totals, visitsBefore);
  await expect(claims.computing()).toBeHidden();
  await page.unroute('**/rpc/claims.month');
  await expect(claims.status()).toHaveText('未申报');

  // Grouped by severity: each group shows exactly the codes the expected claim has at that severity.
  for (const s of ['error', 'warning', 'info'] as const) await claims.expectCodesIn(s, codesOf(s));
  for (const i of expected.issues.filter((x) => x.visit)) await expect(claims.issuesOf(i.code).filter({ hasText: i.visit as string })).not.toHaveCount(0);
  await screenshot(page, '40-claims-month');

  // Filters: severity, code, text. The issues are filtered on the server (claims.monthIssues): the list
  // shows the filtered page once it has arrived.
  await claims.filterIssues({ severity: '警告' });
  await expect.poll(claims.shownCodes).toEqual(codesOf('warning'));
  await claims.clearIssueFilters();
  await claims.filterIssues({ code: 'HOSPITAL_DAY' });
  await expect(claims.issues()).not.toHaveCount(0);
  await expect.poll(claims.shownCodes).toEqual(['HOSPITAL_DAY']);
  await claims.clearIssueFilters();
  await claims.filterIssues({ search: '赵德胜' });
  await expect.poll(claims.shownCodes).toEqual([...new Set(expected.issues.filter((i) => i.idNumber === '33020519520317007X').map((i) => i.code))]);

  // An issue links to the record that fixes it: the resident's page…
  // (an assessment issue opens the 评估结论 tab, a stay issue the 入住记录 tab)…
  await claims.followIssueLink(claims.issuesOf('LEVEL_NOT_ELIGIBLE').first(), '查看服务对象');
  await expect(page).toHaveURL(/#\/residents\/\d+/);
  await expect(page.getByRole('heading', { name: /赵德胜/ })).toBeVisible();
  await expect(new ResidentDetailPage(page).activeTab()).toHaveText(/^评估结论/);
  await page.goBack();
  await claims.clearIssueFilters();
  await claims.followIssueLink(claims.issuesOf('HOSPITAL_DAY').first(), '查看服务对象的入住记录');
  await expect(new ResidentDetailPage(page).activeTab()).toHaveText(/^入住记录/);
  await page.goBack();
  // …the caregiver's certificates (a medical item needs a nurse's licence)…
  await claims.followIssueLink(claims.issuesOf('NURSE_REQUIRED').first(), '查看员工');
  await expect(page).toHaveURL(/#\/staff\/\d+\?focus=certificates/);
  await expect(page.getByRole('heading', { name: '施银萍' })).toBeVisible();
  await expect(page.getByTestId('staff-certificates')).toBeFocused();
  await expect(page.getByTestId('staff-certificates')).toBeInViewport();
  await page.goBack();
  // …and the visit itself.
  await claims.followIssueLink(claims.issuesOf('VISIT_TOO_SHORT').first(), '查看上门服务 v4');
  const visits = new VisitsPage(page);
  await expect(visits.rows()).toHaveCount(1);
  await expect(visits.rows().first()).toContainText('2026-10-16 09:00');
  await page.goBack();

  // The lines: one per person and mode, amounts in yuan; search, sort, paging.
  await claims.tab('结算明细');
  await expect(claims.lineRows()).toHaveCount(expected.lines.length);
  for (const l of expected.lines) {
    const row = claims.lineRow(l.name);
    await expect(row).toContainText(yuan(l.feeFen));
    await expect(row).toContainText(yuan(l.fundFen));
    await expect(row).toContainText(yuan(l.personalFen));
    await expect(row).not.toContainText(l.idNumber);
  }
  await claims.sortLinesBy('费用（元）');
  const cheapest = [...expected.lines].sort((a, b) => a.feeFen - b.feeFen)[0] as ExpectedLine;
  await expect(claims.lineRows().first()).toContainText(cheapest.name);
  await claims.searchLines('李建国');
  await expect(claims.lineRows()).toHaveCount(1);
  await expect(claims.linesTotal()).toHaveText('共 1 条');
});

test('closing October: fix a problem, recompute, submit, print, download the package, import the agency result, reconcile', async ({ page }, info) => {
  test.setTimeout(180_000);
  const claims = new ClaimsPage(page);
  const visits = new VisitsPage(page);
  await claims.open(MONTH);
  await expectTotals(claims, expected.totals, visitsBefore);

  // Fix: the unconfirmed visit gets its confirmation (the family signed after all).
  await claims.followIssueLink(claims.issuesOf('VISIT_UNCONFIRMED').first(), '查看上门服务 v6');
  await expect(visits.rows()).toHaveCount(1);
  await expect(visits.rows().first()).toContainText('未签字');
  await visits.edit('v6');
  await visits.field('签字确认').click();
  await visits.save();
  await expect(page.getByText('服务记录已保存')).toBeVisible();

  await claims.open(MONTH);
  await claims.recompute();
  await expect(claims.issuesOf('VISIT_UNCONFIRMED')).toHaveCount(0);
  await expectTotals(claims, after, visitsBefore + 1);
  for (const s of ['error', 'info'] as const) await claims.expectCodesIn(s, codesOf(s));
  await expect(page.getByTestId('issues-warning')).toHaveCount(0);

  // Submit: a confirmation that insists on accepting the remaining errors, a progress bar, then 已申报.
  await claims.openSubmit();
  await expect(claims.submitDialog()).toContainText('冻结');
  await expect(claims.submitOk()).toBeDisabled();
  await claims.acceptErrors();
  await claims.fillSubmittedBy('张会计');
  await claims.confirmSubmit();
  await expect(claims.jobProgress()).toBeVisible();
  await expect(claims.status()).toHaveText('已申报', { timeout: 60_000 });
  await expect(page.getByText(/申报于 .*（张会计）/)).toBeVisible();
  await expect(claims.jobProgress()).toBeHidden();
  await expectTotals(claims, after, visitsBefore + 1);
  await expect(page.getByText('本月已申报，记录只读')).toBeVisible();
  await screenshot(page, '41-claims-submitted');

  // The print preview of the summary.
  await claims.openPrintPreview();
  await expect(claims.printPreview()).toContainText('长期护理保险结算申报汇总表');
  await expect(claims.printPreview()).toContainText(sample.institution.name);
  await expect(claims.printPreview()).toContainText(MONTH);
  await expect(claims.printPreview()).toContainText(yuan(after.feeFen));
  await expect(claims.printPreview()).toContainText(yuan(after.fundFen));
  await expect(claims.printPreview()).toContainText('机构盖章');
  await screenshot(page, '42-claims-print-preview');
  await claims.closePrintPreview();

  // The package: the browser cannot write a folder, so each file is a download.
  await claims.tab('申报文件');
  await expect(claims.browserNotice()).toBeVisible();
  await expect(claims.saveToFolderButton()).toHaveCount(0);
  const names = await claims.fileNames();
  expect(names).toEqual(
    expect.arrayContaining(['claim.json', 'claim.xlsx', 'manifest.json', '结算申报汇总表.pdf', '个人结算明细.pdf', '床日统计表.pdf', '上门服务记录明细.pdf']),
  );
  const dir = join(info.outputDir, 'package');
  mkdirSync(dir, { recursive: true });
  const bytes = new Map<string, Buffer>();
  for (const name of names) {
    const d = await claims.downloadFile(name);
    expect(d.suggestedFilename()).toBe(name);
    await d.saveAs(join(dir, name));
    bytes.set(name, readFileSync(join(dir, name)));
  }
  // A PDF opens in a new tab to be read and printed; the other files have no preview.
  const preview = await claims.previewFile('结算申报汇总表.pdf');
  expect(preview.url()).toMatch(/^blob:http:\/\/127\.0\.0\.1/);
  await preview.close();
  await expect(page.getByRole('button', { name: '预览 claim.json', exact: true })).toHaveCount(0);
  // 全部下载 gives the same files, byte for byte.
  const all = await claims.downloadAll(names.length);
  expect(all.map((x) => x.suggestedFilename()).sort()).toEqual([...names].sort());
  for (const x of all) expect(sha256(readFileSync(await x.path())), x.suggestedFilename()).toBe(sha256(bytes.get(x.suggestedFilename()) as Buffer));
  const claim = JSON.parse((bytes.get('claim.json') as Buffer).toString('utf8')) as { format: string; month: string; totals: Totals; lines: ExpectedLine[] };
  expect(claim.format).toBe('ltc-claim');
  expect(claim.month).toBe(MONTH);
  expect(claim.totals).toMatchObject(after);
  expect(claim.lines.map((l) => l.name).sort()).toEqual(expected.lines.map((l) => l.name).sort());
  for (const name of names.filter((n) => n.endsWith('.pdf'))) expect((bytes.get(name) as Buffer).subarray(0, 5).toString('latin1'), name).toBe('%PDF-');
  expect((bytes.get('claim.xlsx') as Buffer).subarray(0, 2).toString('latin1')).toBe('PK');
  const manifest = JSON.parse((bytes.get('manifest.json') as Buffer).toString('utf8')) as {
    month: string;
    totals: Totals;
    files: { name: string; bytes: number; sha256: string }[];
  };
  expect(manifest.month).toBe(MONTH);
  expect(manifest.totals).toMatchObject(after);
  expect(manifest.files.map((f) => f.name).sort()).toEqual(names.filter((n) => n !== 'manifest.json').sort());
  for (const f of manifest.files) {
    const b = bytes.get(f.name) as Buffer;
    expect(sha256(b), f.name).toBe(f.sha256);
    expect(b.length, f.name).toBe(f.bytes);
  }
  // 校验申报文件: the package is made again from the frozen records (in the services' claim worker)
  // and matches what was submitted, byte for byte.
  await page.getByRole('button', { name: '校验申报文件' }).click();
  await expect(page.getByText('重新生成的文件与申报时逐字节一致')).toBeVisible({ timeout: 30_000 });
  await screenshot(page, '42b-claims-verified');

  // The agency's result: the template filled in — one line deducted (amount and reason), one rejected.
  await claims.tab('审核结果与对账');
  const template = await claims.downloadResultTemplate();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await template.path());
  const ws = wb.getWorksheet('审核结果') ?? wb.worksheets[0];
  if (!ws) throw new Error('the template has no sheet');
  // the columns by their headers, as a clerk finds them (身份证号, 审核结果（通过/扣款/拒付）, 扣款金额（元）, 原因)
  const col: Record<string, number> = {};
  ws.eachRow((r) => {
    if (col['身份证号']) return;
    r.eachCell((c, n) => {
      const h = String(c.value ?? '');
      for (const name of ['身份证号', '审核结果', '扣款金额', '原因']) if (h.startsWith(name)) col[name] = n;
    });
  });
  const at = (name: string): number => {
    if (!col[name]) throw new Error(`the template has no column ${name}`);
    return col[name];
  };
  const rowOf = (idNumber: string) => {
    let found: ExcelJS.Row | undefined;
    ws.eachRow((r) => {
      if (String(r.getCell(at('身份证号')).value) === idNumber) found = r;
    });
    if (!found) throw new Error(`no template row for ${idNumber}`);
    return found;
  };
  const deducted = lineOf('李建国');
  const rejected = lineOf('王秀英');
  const DEDUCTED_FEN = 12000;
  const DEDUCT_REASON = '护理记录缺少护理员签字';
  const REJECT_REASON = '住院期间床日不予支付';
  const d = rowOf(deducted.idNumber);
  d.getCell(at('审核结果')).value = '扣款';
  d.getCell(at('扣款金额')).value = DEDUCTED_FEN / 100;
  d.getCell(at('原因')).value = DEDUCT_REASON;
  const r = rowOf(rejected.idNumber);
  r.getCell(at('审核结果')).value = '拒付';
  r.getCell(at('原因')).value = REJECT_REASON;
  const filled = join(info.outputDir, `${MONTH}-审核结果.xlsx`);
  await wb.xlsx.writeFile(filled);
  await claims.importResult(filled);
  await expect(claims.status()).toHaveText('已结算');

  // Reconciliation: claimed vs paid per month and per person, and why money was taken off.
  const paid = after.fundFen - DEDUCTED_FEN - rejected.fundFen;
  await expect(claims.reconciliation()).toBeVisible();
  const month = claims.monthRow(MONTH);
  await expect(month).toContainText(yuan(after.fundFen));
  await expect(month).toContainText(yuan(paid));
  await expect(month).toContainText(yuan(DEDUCTED_FEN + rejected.fundFen));
  await expect(month).toContainText('1 / 1');
  await expect(claims.personRow(deducted.name)).toContainText('扣款');
  await expect(claims.personRow(deducted.name)).toContainText(yuan(DEDUCTED_FEN));
  await expect(claims.personRow(deducted.name)).toContainText(yuan(deducted.fundFen - DEDUCTED_FEN));
  await expect(claims.personRow(deducted.name)).toContainText(DEDUCT_REASON);
  await expect(claims.personRow(rejected.name)).toContainText('拒付');
  await expect(claims.personRow(rejected.name)).toContainText(yuan(rejected.fundFen));
  await expect(claims.personRow(rejected.name)).toContainText(REJECT_REASON);
  await expect(claims.personRow(home.name)).toContainText('通过');
  await expect(claims.personRow(home.name)).toContainText(yuan(homeAfter.fundFen));
  // By frequency, then amount: both once, the rejection (the larger sum) first.
  await expect(claims.reasonRows()).toHaveCount(2);
  await expect(claims.reasonRows().nth(0)).toContainText(REJECT_REASON);
  await expect(claims.reasonRows().nth(0)).toContainText(yuan(rejected.fundFen));
  await expect(claims.reasonRows().nth(1)).toContainText(DEDUCT_REASON);
  await expect(claims.reasonRows().nth(1)).toContainText(yuan(DEDUCTED_FEN));
  await screenshot(page, '43-claims-reconciliation');
});

test('submitting asks first: cancelling leaves the month a draft, open for changes', async ({ page }) => {
  const claims = new ClaimsPage(page);
  await claims.open(MONTH);
  await expectTotals(claims, expected.totals, visitsBefore);
  await claims.openSubmit();
  await expect(claims.submitDialog()).toContainText('本月记录变为只读');
  await expect(claims.submitOk()).toBeDisabled();
  await claims.cancelSubmit();
  await expect(claims.submitDialog()).toBeHidden();
  await claims.recompute();
  await expect(claims.status()).toHaveText('未申报');
  await expect(page.getByRole('tab', { name: /^申报文件/ })).toHaveCount(0);
  // Opened again, the dialog asks again: the earlier choice is not remembered.
  await claims.openSubmit();
  await claims.acceptErrors();
  await claims.cancelSubmit();
  await claims.openSubmit();
  await expect(claims.submitDialog().getByRole('checkbox', { name: /确认带错误申报/ })).not.toBeChecked();
  await expect(claims.submitOk()).toBeDisabled();
});
