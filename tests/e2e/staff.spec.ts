import { AppShell } from './pages/AppShell';
import { StaffDetailPage } from './pages/StaffDetailPage';
import { StaffListPage } from './pages/StaffListPage';
import { StaffMatrixPage } from './pages/StaffMatrixPage';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, screenshot, test } from './support/fixtures';
import { OUT_DIR, ROOT } from './support/host';

/** `ltc` from the build under test (LTC_OUT_DIR), to seed data as an administrator would. */
function ltc(...args: string[]): { code: number | null; stderr: string } {
  const r = spawnSync(process.execPath, [join(OUT_DIR, 'main/cli.js'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stderr: r.stderr };
}

const ymd = (d: Date): string => d.toISOString().slice(0, 10);
const shift = (d: Date, days: number, years = 0): Date => new Date(Date.UTC(d.getUTCFullYear() + years, d.getUTCMonth(), d.getUTCDate() + days));

test('a head nurse adds a staff member with a nurse licence and sees its expiry badge in the list', async ({ page }) => {
  await new AppShell(page).open('/');
  await new AppShell(page).go('员工与证书');
  const list = new StaffListPage(page);
  await list.add();

  const detail = new StaffDetailPage(page);
  await detail.fill({ name: '陈淑霞', idNumber: '11010519491231002X', role: '护士', employedFrom: '2024-03-01' });
  await detail.save();
  await expect(page.getByText('员工已添加，可以继续登记证书')).toBeVisible();
  await expect(page.getByRole('heading', { name: '陈淑霞' })).toBeVisible();

  // A licence issued so that its five years end 20 days from today: the 30-day reminder band.
  const expires = shift(new Date(), 20);
  const issued = shift(expires, 1, -5);
  await detail.openAddCertificate();
  await detail.fillCertificate({ number: '202233012345', issuedOn: ymd(issued) });
  // The expiry follows the issue date: 5 years, the last day included.
  await expect(detail.certField('有效期至')).toHaveValue(ymd(expires));
  await detail.saveCertificate();
  await expect(page.getByText('证书已保存')).toBeVisible();
  await expect(detail.dialog()).toBeHidden();
  // Enter in a date field confirmed the date without saving the form: one record, created once.
  await expect(page.getByText('员工信息已保存')).toHaveCount(0);
  await expect(detail.certificate('202233012345')).toContainText(ymd(expires));
  await expect(detail.certificate('202233012345')).toContainText(/(19|20|21) 天内到期/);
  await screenshot(page, '21-staff-detail');

  await page.getByRole('button', { name: '返回员工列表' }).click();
  const row = list.row('陈淑霞');
  await expect(row).toContainText('110105********002X');
  await expect(row).toContainText('护士');
  await expect(row).toContainText('2024-03-01 入职');
  await expect(row.getByTestId('certificate-badge')).toContainText('护士执业证书');
  await expect(row.getByTestId('certificate-badge')).toContainText(/(19|20|21) 天内到期/);
  await list.filter('证书状态', '60天内到期');
  await expect(list.rows()).toHaveCount(1);
  await list.filter('证书状态', '已过期');
  await expect(list.rows()).toHaveCount(0);
});

test('a failing check character is a warning that still saves; an expiry before the issue date is refused', async ({ page }) => {
  const detail = new StaffDetailPage(page);
  await page.goto('#/staff/new');
  await detail.fill({ name: '王敏', idNumber: '110105194912310021' });
  await expect(page.getByText('身份证号校验码不符（最后一位应为X），请核对号码是否录错（仍可保存）')).toBeVisible();
  await detail.save();
  await expect(page.getByText('员工已添加，可以继续登记证书')).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: '身份证号校验未通过，结算申报前请更正' })).toBeVisible();

  // Too short is not a person's number at all: refused before anything is sent.
  await detail.fill({ idNumber: '11010519491231002' });
  await detail.save();
  await expect(page.getByText('身份证号应为18位，现为17位')).toBeVisible();

  await detail.openAddCertificate();
  await detail.fillCertificate({ type: '养老护理员证书', number: 'YL-1', issuedOn: '2024-05-01', expiresOn: '2024-04-30' });
  await detail.saveCertificate();
  await expect(detail.dialog().getByText('有效期至不能早于发证日期')).toBeVisible();
  await detail
    .dialog()
    .getByRole('button', { name: /^取\s*消$/ })
    .click();
  await expect(detail.certificates()).toContainText('还没有登记证书');
});

test('a staff member with visits cannot be deleted; one without is deleted after asking', async ({ page, host }) => {
  const r = ltc('import', '--db', host.dbFile, 'tests/fixtures/sample-ningbo.json');
  expect(r.code, r.stderr).toBe(0);
  const list = new StaffListPage(page);
  await list.open();
  await list.row('施银萍').getByRole('link').click();
  const detail = new StaffDetailPage(page);
  await detail.delete(true);
  await expect(page.getByText(/施银萍有 \d+ 条上门服务记录，不能删除（服务记录须保留护理人员）。如已离职，请填写离职日期。/)).toBeVisible();

  await list.open();
  await list.add();
  await detail.fill({ name: '临时工', idNumber: '11010519491231002X' });
  await detail.save();
  await expect(page.getByRole('heading', { name: '临时工' })).toBeVisible();
  await detail.delete(false);
  await expect(page.getByRole('heading', { name: '临时工' })).toBeVisible();
  await detail.delete(true);
  await expect(page.getByText('员工已删除')).toBeVisible();
  await expect(list.row('临时工')).toHaveCount(0);
});

test('the certificate matrix shows each type’s standing on the chosen date and filters by it', async ({ page, host }) => {
  const r = ltc('import', '--db', host.dbFile, 'tests/fixtures/sample-ningbo.json');
  expect(r.code, r.stderr).toBe(0);
  const matrix = new StaffMatrixPage(page);
  await matrix.open();
  // 陈淑霞's licence runs to 2027-06-30; 施银萍 holds a caregiver certificate without expiry.
  await matrix.setDate('2027-06-10');
  await expect(matrix.cell('陈淑霞', '护士执业证书')).toContainText('20 天内到期');
  await expect(matrix.cell('施银萍', '长期照护师证书')).toContainText('长期有效');
  await expect(matrix.cell('施银萍', '护士执业证书')).toHaveText('无');
  await screenshot(page, '22-staff-matrix');

  await matrix.setDate('2027-07-01');
  await expect(matrix.cell('陈淑霞', '护士执业证书')).toContainText('已过期 1 天');
  await matrix
    .counts('nurse-licence')
    .getByRole('button', { name: /^已过期 \d+$/ })
    .click();
  await expect(matrix.rows()).toHaveCount(1);
  await expect(matrix.rows().first()).toContainText('陈淑霞');
});

test('the staff list is screenshotted with a realistic roster', async ({ page, host }) => {
  const r = ltc('demo', '--db', host.dbFile);
  expect(r.code, r.stderr).toBe(0);
  const list = new StaffListPage(page);
  await list.open();
  await expect(list.rows().first()).toBeVisible();
  await screenshot(page, '20-staff-list');
  await list.filter('岗位', '护士');
  await expect(list.rows().first()).toContainText('护士');
});
