import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppShell } from './pages/AppShell';
import { VisitImportPage } from './pages/VisitImportPage';
import { ResidentDetailPage } from './pages/ResidentDetailPage';
import { ResidentsPage } from './pages/ResidentsPage';
import { VisitsPage } from './pages/VisitsPage';
import { expect, ltc, ltcOn, screenshot, test } from './support/fixtures';

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

test('a CSV imported again after its visit changed in the app: the difference is shown, and the visit updated only when ticked', async ({ page }, info) => {
  mkdirSync(info.outputDir, { recursive: true });
  const header = '服务对象身份证号,服务对象姓名,护理人员姓名,开始时间,结束时间,服务项目编码,签字确认,外部编号';
  const cut = join(info.outputDir, '导出-第一次.csv');
  writeFileSync(cut, [header, '33020519410923006X,陈淑芬,施银萍,2026-10-20 09:00,2026-10-20 09:30,LC01,否,APP-001'].join('\r\n'));
  const full = join(info.outputDir, '导出-第二次.csv');
  writeFileSync(full, [header, '33020519410923006X,陈淑芬,施银萍,2026-10-20 09:00,2026-10-20 10:00,LC01,是,APP-001'].join('\r\n'));
  await new AppShell(page).open('/visits');
  await page.getByRole('button', { name: '导入服务记录' }).click();
  const imp = new VisitImportPage(page);
  await imp.choose(cut);
  await imp.commit();
  await expect(page.getByText('已导入 1 条上门服务记录').first()).toBeVisible();

  await page.getByRole('button', { name: '重新选择文件' }).click();
  await imp.choose(full);
  await expect(imp.previewRow(2)).toContainText('有修改');
  await expect(imp.previewRow(2)).toContainText('结束时间：2026-10-20 09:30 → 2026-10-20 10:00');
  await expect(imp.previewRow(2)).toContainText('签字确认：否 → 是');
  // nothing new and nothing ticked: nothing to do
  await expect(imp.commitButton()).toBeDisabled();
  await screenshot(page, '32b-visits-import-changed');
  await page.getByRole('checkbox', { name: '更新已导入记录的修改（1 条）' }).check();
  await expect(imp.commitButton()).toHaveText('更新 1 条记录');
  await imp.commit();
  await expect(page.getByText('更新已导入的 1 条')).toBeVisible();
  await page.getByRole('button', { name: '查看上门服务' }).click();
  const visits = new VisitsPage(page);
  // one visit that day, now 60 minutes: updated, not doubled
  await expect(visits.row('2026-10-20 09:00')).toHaveCount(1);
  await expect(visits.row('2026-10-20 09:00')).toContainText('60');
});

test('a visit ending before it starts says so once and cannot be saved', async ({ page }) => {
  const visits = new VisitsPage(page);
  await visits.open();
  await visits.add();
  await visits.fill({ resident: '陈淑芬', staff: '施银萍', start: '2026-10-20 10:00', end: '2026-10-20 09:00', items: ['洗发'], confirmed: true });
  await expect(visits.check()).toContainText('不能保存，请先改正：结束时间早于开始时间');
  // one message: no length, no "可以保存", no verdict
  await expect(visits.check()).not.toContainText('时长');
  await expect(visits.check()).not.toContainText('可以保存');
  await expect(visits.check()).not.toContainText('不会被结算');
  await expect(visits.saveButton()).toHaveText('保存记录');
  await expect(visits.saveButton()).toBeDisabled();
  await screenshot(page, '34-visit-form-end-before-start');
  await visits.setTime('结束时间', '2026-10-20 11:00');
  await expect(visits.check()).toContainText('时长 60 分钟');
  await expect(visits.saveButton()).toBeEnabled();
});

test('times typed as 2026/10/20 9:00 are read, and shown as 2026-10-20 09:00', async ({ page }) => {
  const visits = new VisitsPage(page);
  await visits.open();
  await visits.add();
  await visits.setTime('开始时间', '2026/10/20 9:00');
  await expect(visits.field('开始时间')).toHaveValue('2026-10-20 09:00');
  await visits.setTime('结束时间', '20261020 1000');
  await expect(visits.field('结束时间')).toHaveValue('2026-10-20 10:00');
});

test.describe('on 2026-12-06', () => {
  test.use({ today: '2026-12-06' });

  test('a visit dated after today is refused at entry', async ({ page }) => {
    const visits = new VisitsPage(page);
    await visits.open();
    await visits.add();
    await visits.fill({ resident: '陈淑芬', staff: '施银萍', start: '2026-12-15 09:00', end: '2026-12-15 10:00', items: ['洗发'], confirmed: true });
    await expect(visits.check()).toContainText('开始时间 2026-12-15 09:00 晚于今天（2026-12-06）：不能录入尚未发生的服务');
    await expect(visits.check()).not.toContainText('符合结算规则');
    await expect(visits.saveButton()).toBeDisabled();
    await screenshot(page, '35-visit-form-future');
    // today is fine
    await visits.setTime('开始时间', '2026-12-06 09:00');
    await visits.setTime('结束时间', '2026-12-06 10:00');
    await expect(visits.check()).toContainText('符合结算规则');
  });
});

test.describe('a 5级 client with 30 hours a month, on 2026-11-30', () => {
  test.use({ today: '2026-11-30' });

  test.beforeEach(({ host }, info) => {
    // The sample (already imported) and 孙桂英, 5级 at home since 10-01, with 16 two-hour visits in November.
    const sample = JSON.parse(readFileSync('tests/fixtures/sample-ningbo.json', 'utf8')) as { residents: unknown[]; visits: unknown[] };
    sample.residents.push({
      ref: 'r5',
      name: '孙桂英',
      idNumber: '330205193803020148',
      assessments: [{ level: 5, concludedOn: '2026-09-20' }],
      events: [{ type: 'admit', date: '2026-10-01', mode: 'home' }],
    });
    for (let day = 2; day <= 17; day++) {
      const date = `2026-11-${String(day).padStart(2, '0')}`;
      sample.visits.push({ ref: `n${day}`, resident: 'r5', staff: 's1', start: `${date}T09:00`, end: `${date}T11:00`, items: ['LC01'], confirmed: true });
    }
    mkdirSync(info.outputDir, { recursive: true });
    const file = join(info.outputDir, 'quota.json');
    writeFileSync(file, JSON.stringify(sample));
    const r = ltcOn('2026-11-30', 'import', '--db', host.dbFile, file);
    expect(r.code, r.stderr).toBe(0);
  });

  test('the 17th two-hour visit is beyond the quota at entry, and the client’s page shows the month’s use', async ({ page }) => {
    const visits = new VisitsPage(page);
    await visits.open();
    await visits.add();
    await visits.fill({ resident: '孙桂英', staff: '施银萍', start: '2026-11-18 09:00', end: '2026-11-18 11:00', items: ['洗发'], confirmed: true });
    await expect(visits.quota()).toContainText('已用 34.0 / 30 小时（含本条）');
    await expect(visits.check()).toContainText('超出限额');
    await expect(visits.check()).toContainText('本条120分钟中有120分钟不予结算');
    await expect(visits.check()).not.toContainText('符合结算规则');
    await screenshot(page, '36-visit-form-over-quota');
    await page.keyboard.press('Escape');

    await page.goto('#/residents');
    const list = new ResidentsPage(page);
    await list.search('孙桂英');
    await list.openResident('孙桂英');
    const detail = new ResidentDetailPage(page);
    await expect(detail.quota()).toContainText('2026-11 服务时长额度（5级）：已用 32.0 / 30 小时');
    await expect(detail.quota()).toContainText('本月已超出额度 2.0 小时');
    await screenshot(page, '37-resident-quota');
  });
});
