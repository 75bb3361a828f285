/**
 * Month-end guard rails (issue 14): a month that has not ended cannot be submitted and the screen says
 * why; a claim submitted by mistake is withdrawn (撤回) with a reason, kept as history with its files,
 * and the month submitted again; the 补报 dialog says beforehand why it cannot be confirmed, and a 补报
 * shows its totals; 月度结算 before the institution is set up says what to do. The services' today is
 * pinned (LTC_TODAY) so these read the same on any day. Amounts: the sample's expected October claim
 * (tests/fixtures/sample-ningbo.expected-2026-10.json) and docs/rules.md §7 (Ningbo hourly: 60 yuan, fund 80 %).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppShell } from './pages/AppShell';
import { ClaimsPage } from './pages/ClaimsPage';
import { importDataset } from './support/dataset';
import { expect, ltcOn, screenshot, test } from './support/fixtures';
import { ROOT } from './support/host';

const SAMPLE = 'tests/fixtures/sample-ningbo.json';
const TODAY = '2026-12-06';
const expected = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/sample-ningbo.expected-2026-10.json'), 'utf8')) as {
  totals: { billableDays: number; fundFen: number };
};
const yuan = (fen: number) => (fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

test.describe('on a day inside the month', () => {
  test.use({ hostEnv: { LTC_TODAY: '2026-10-20' } });

  test('申报 is disabled until the month has ended, and the screen says why', async ({ page, host }) => {
    expect(importDataset(host.dbFile, SAMPLE).code).toBe(0);
    const claims = new ClaimsPage(page);
    await claims.open('2026-10');
    await expect(claims.status()).toHaveText('未申报');
    await expect(claims.submitBlocked()).toContainText('2026-10 尚未结束（今天是 2026-10-20），要到月末最后一天（2026-10-31）过后才能申报');
    await expect(claims.submitBlocked()).toContainText('预计到月末');
    await expect(claims.submitButton()).toBeDisabled();
    await screenshot(page, '44-claims-month-not-ended');
  });
});

test.describe('after the month', () => {
  test.use({ hostEnv: { LTC_TODAY: TODAY } });

  test('a claim submitted by mistake is withdrawn with a reason, kept as history, and the month submitted again', async ({ page, host }) => {
    expect(importDataset(host.dbFile, SAMPLE).code).toBe(0);
    expect(ltcOn(TODAY, 'submit', '--db', host.dbFile, '--month', '2026-10', '--accept-errors', '--by', '张会计').code).toBe(0);
    const claims = new ClaimsPage(page);
    await claims.open('2026-10');
    await expect(claims.status()).toHaveText('已申报');
    await expect(claims.submitBlocked()).toHaveCount(0);

    await claims.openWithdraw();
    await expect(claims.withdrawDialog()).toContainText('申报文件保留为历史记录');
    // a reason is required
    await expect(claims.withdrawOk()).toBeDisabled();
    await screenshot(page, '45-claims-withdraw-dialog');
    await claims.withdraw('入住记录有误，更正后重新申报');
    await expect(page.getByText('2026-10 申报已撤回')).toBeVisible();
    await expect(claims.status()).toHaveText('未申报');
    await expect(page.getByText('本月已申报，记录只读')).toHaveCount(0);

    // The withdrawn claim, with who, when, why and its files, as history.
    await claims.tab('已撤回');
    await expect(claims.withdrawnClaims()).toHaveCount(1);
    await expect(claims.withdrawnClaims()).toContainText('2026-10 申报（已撤回）');
    await expect(claims.withdrawnClaims()).toContainText('入住记录有误，更正后重新申报');
    await expect(claims.withdrawnClaims()).toContainText(yuan(expected.totals.fundFen));
    const d = await claims.downloadFile('claim.json');
    expect(d.suggestedFilename()).toBe('claim.json');
    await screenshot(page, '46-claims-withdrawn-history');

    // …and the month submitted again.
    await claims.openSubmit();
    await claims.acceptErrors();
    await claims.fillSubmittedBy('张会计');
    await claims.confirmSubmit();
    await expect(claims.status()).toHaveText('已申报', { timeout: 60_000 });
    await expect(page.getByRole('tab', { name: '已撤回（1）' })).toBeVisible();
  });

  test('补报 says beforehand that there is nothing to add; a 补报 shows its totals and can be withdrawn', async ({ page, host }) => {
    expect(importDataset(host.dbFile, SAMPLE).code).toBe(0);
    expect(ltcOn(TODAY, 'submit', '--db', host.dbFile, '--month', '2026-10', '--accept-errors').code).toBe(0);
    const claims = new ClaimsPage(page);
    await claims.open('2026-10');
    await claims.openSupplement();
    await expect(claims.supplementDialog().getByTestId('supplement-blocked')).toHaveText('2026-10 没有可补报的内容：现有记录没有超出已申报的床日或服务。');
    await expect(claims.supplementOk()).toBeDisabled();
    await claims
      .supplementDialog()
      .getByRole('button', { name: /^取\s?消$/ })
      .click();

    // v6 (陈淑芬, 60 minutes, unsigned at submission) is signed by the family afterwards: a correction.
    await page.evaluate(async () => {
      const api = (window as unknown as { api: Record<string, (i: unknown) => Promise<{ ok: boolean; value: never }>> }).api;
      const list = await api['visits.list']!({ search: 'v6' });
      const v = (await api['visits.get']!({ id: (list.value as { rows: { id: number }[] }).rows[0]!.id })).value as {
        id: number;
        residentId: number;
        staffId: number;
        start: string;
        end: string;
        items: { code: string }[];
      };
      const saved = await api['visits.save']!({
        id: v.id,
        residentId: v.residentId,
        staffId: v.staffId,
        start: v.start,
        end: v.end,
        items: v.items.map((i) => i.code),
        confirmed: true,
        correctionReason: '家属补签',
      });
      if (!saved.ok) throw new Error(JSON.stringify(saved));
    });
    await claims.open('2026-10');
    await claims.openSupplement();
    // fee 60 min × 60 yuan/h = 60.00, fund 80 % = 48.00; the records' errors must be accepted first
    await expect(claims.supplementDialog()).toContainText('补报将包含 1 条明细：费用 60.00 元，基金支付 48.00 元。');
    await expect(claims.supplementOk()).toBeDisabled();
    await claims
      .supplementDialog()
      .getByRole('checkbox', { name: /确认带错误申报/ })
      .check();
    await claims.supplementOk().click();
    await expect(page.getByRole('tab', { name: '补报 1' })).toBeVisible({ timeout: 60_000 });
    await claims.tab('补报 1');
    await expect(page.getByTestId('supp1-total-hours').locator('.ant-statistic-content')).toHaveText('1.00');
    await expect(page.getByTestId('supp1-total-fund').locator('.ant-statistic-content')).toHaveText('48.00');
    await expect(page.getByRole('button', { name: '撤回申报' })).toBeDisabled();
    await expect(page.getByTestId('withdraw-blocked')).toHaveText('2026-10 还有补报 1，请先撤回补报，再撤回本月申报。');
    await screenshot(page, '47-claims-supplementary-tab');
    await claims.openWithdraw('撤回补报 1');
    await claims.withdraw('补报前未核对签字');
    await expect(page.getByRole('tab', { name: '补报 1' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: '撤回申报' })).toBeEnabled();
  });

  test('月度结算 before the institution is set up says so, with the way there', async ({ page }) => {
    await new AppShell(page).open('/claims?month=2026-10');
    await expect(page.getByText('请先完成机构设置')).toBeVisible();
    await expect(page.locator('.ant-skeleton')).toHaveCount(0);
    await expect(page.getByRole('alert')).toHaveCount(0);
    await screenshot(page, '48-claims-no-institution');
    await page.getByRole('link', { name: '去机构设置' }).click();
    await expect(page).toHaveURL(/#\/settings\/institution/);
    await expect(page.getByRole('form', { name: '机构设置表单' })).toBeVisible();
  });
});
