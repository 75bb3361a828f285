import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppShell } from './pages/AppShell';
import { VisitImportPage } from './pages/VisitImportPage';
import { VisitsPage } from './pages/VisitsPage';
import { expect, ltc, screenshot, test } from './support/fixtures';

test.beforeEach(({ host }) => {
  const r = ltc('import', '--db', host.dbFile, 'tests/fixtures/sample-ningbo.json');
  expect(r.code, r.stderr).toBe(0);
});

test('the list shows each visit with the claim’s problems, and the home link’s filter', async ({ page }) => {
  const visits = new VisitsPage(page);
  await visits.open();
  await expect(visits.rows()).toHaveCount(6);
  await expect(visits.row('2026-10-16 09:20')).toContainText('服务时长不足');
  await expect(visits.row('2026-10-23 09:00')).toContainText('医疗护理项目需护士执业证书');
  await expect(visits.row('2026-10-02 09:00')).toContainText('可结算');
  await expect(visits.row('2026-10-02 09:00')).toContainText('头面部清洁、梳理、口腔清洁');
  // ID numbers are masked in lists (PIPL).
  await expect(visits.rows().first()).toContainText('330205********006X');
  await expect(page.getByText('33020519410923006X')).toHaveCount(0);
  await screenshot(page, '30-visits-list');

  await visits.open('?status=unconfirmed');
  await expect(visits.rows()).toHaveCount(1);
  await expect(visits.rows().first()).toContainText('2026-10-30 09:00');
  await expect(visits.rows().first()).toContainText('未签字确认');
  await visits.filterStatus('有错误');
  await expect(visits.rows()).toHaveCount(2);
});

test('a visit typed in the form shows its problem while typing, is saved, and found in the list', async ({ page }) => {
  const visits = new VisitsPage(page);
  await visits.open();
  await visits.add();
  await expect(visits.check()).toContainText('选好服务对象');
  await visits.fill({ resident: '陈淑芬', staff: '施银萍', start: '2026-10-20 09:00', end: '2026-10-20 09:20', items: ['洗发'] });
  await expect(visits.check()).toContainText('服务时长不足');
  await expect(visits.check()).toContainText('时长 20 分钟（最短 30 分钟）');
  await expect(visits.check()).toContainText('这条记录不会被结算');
  await expect(visits.saveButton()).toHaveText('保存记录（不计入结算）');
  await screenshot(page, '31-visit-form');

  // Fixed while typing: the problem goes away.
  await visits.setTime('结束时间', '2026-10-20 10:00');
  await expect(visits.check()).not.toContainText('服务时长不足');
  await expect(visits.check()).toContainText('签字确认前不计入结算');
  await visits.setTime('结束时间', '2026-10-20 09:20');
  await expect(visits.check()).toContainText('服务时长不足');
  await visits.save();
  await expect(page.getByText('服务记录已保存')).toBeVisible();

  await visits.search('陈淑芬');
  await expect(visits.rows()).toHaveCount(7);
  const saved = visits.row('2026-10-20 09:00');
  await expect(saved).toContainText('洗发');
  await expect(saved).toContainText('服务时长不足');
  await expect(saved).toContainText('未签字');
});

test('an edit is saved, said so and the drawer closed, even when the list is slow to refresh', async ({ page }) => {
  // Issue 14: the drawer once reset its save whenever the refetched visit arrived before the rest of the
  // refresh after saving, which dropped the save's 已保存 and closing (claims.spec.ts met it by chance).
  // A slow list makes that order certain.
  const visits = new VisitsPage(page);
  await visits.open();
  await visits.edit('v6');
  await page.route('**/rpc/visits.list', async (route) => {
    await new Promise((done) => setTimeout(done, 1_500));
    await route.continue();
  });
  await visits.field('签字确认').click();
  await visits.save();
  await expect(page.getByText('服务记录已保存')).toBeVisible();
  await expect(visits.drawer()).toBeHidden();
  await expect(visits.row('2026-10-30 09:00')).toContainText('已签字');
});

test('deleting a visit asks first', async ({ page }) => {
  const visits = new VisitsPage(page);
  await visits.open();
  await visits.edit('v4');
  await expect(visits.check()).toContainText('服务时长不足');
  await visits.delete();
  await expect(page.getByText('服务记录已删除')).toBeVisible();
  await expect(visits.rows()).toHaveCount(5);
  await expect(visits.row('2026-10-16 09:00')).toHaveCount(0);
});

test('a CSV with one bad row: the row error is shown, the row excluded, the rest imported', async ({ page }, info) => {
  mkdirSync(info.outputDir, { recursive: true });
  const file = join(info.outputDir, '护理App导出.csv');
  writeFileSync(
    file,
    [
      '服务对象身份证号,服务对象姓名,护理人员姓名,开始时间,结束时间,服务项目编码,签字确认,外部编号',
      '33020519410923006X,陈淑芬,施银萍,2026-10-20 09:00,2026-10-20 10:00,LC01、LC08,是,APP-001',
      ',陈淑芬,陈淑霞,2026-10-21 15:00,2026-10-21 15:20,MC12,否,APP-002',
      ',陈淑芬,施银萍,2026-10-22 09:00,2026-10-22 10:00,ZZ99,是,APP-003',
    ].join('\r\n'),
  );
  await new AppShell(page).open('/visits');
  await page.getByRole('button', { name: '导入服务记录' }).click();
  const imp = new VisitImportPage(page);
  await imp.choose(file);
  await expect(imp.previewRow(4)).toContainText('服务项目编码：“ZZ99” 不在服务项目目录中');
  await expect(imp.previewRow(3)).toContainText('服务时长不足');
  await expect(imp.previewRow(3)).toContainText('有警告');
  await expect(page.getByText('还有 1 行错误未改正或排除')).toBeVisible();
  await expect(imp.commitButton()).toBeDisabled();
  await screenshot(page, '32-visits-import-preview');

  await imp.exclude(4);
  await expect(imp.commitButton()).toHaveText('导入 2 条记录');
  await imp.commit();
  await expect(page.getByText('已导入 2 条上门服务记录').first()).toBeVisible();
  await page.getByRole('button', { name: '查看上门服务' }).click();
  const visits = new VisitsPage(page);
  await expect(visits.rows()).toHaveCount(8);
  await expect(visits.row('2026-10-21 15:00')).toContainText('服务时长不足');
});
