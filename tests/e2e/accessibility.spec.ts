/**
 * Every screen of the navigation, and the main dialogs and drawers, pass axe with no serious or critical
 * violation (support/axe.ts keeps every finding in test-results/axe/). The screens show the demo
 * institution (`ltc demo`) as of a fixed day, so they are full of what users see: tags of every status,
 * links, warnings, long tables, a submitted and a settled month.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { AuditPage } from './pages/AuditPage';
import { BedsPage } from './pages/BedsPage';
import { ClaimsPage } from './pages/ClaimsPage';
import { InspectionPage } from './pages/InspectionPage';
import { ResidentDetailPage } from './pages/ResidentDetailPage';
import { ResidentsPage } from './pages/ResidentsPage';
import { StaffDetailPage } from './pages/StaffDetailPage';
import { StaffListPage } from './pages/StaffListPage';
import { StaffMatrixPage } from './pages/StaffMatrixPage';
import { VisitImportPage } from './pages/VisitImportPage';
import { VisitsPage } from './pages/VisitsPage';
import { expectAccessible } from './support/axe';
import { expect, ltcOn, screenshot, test } from './support/fixtures';

const TODAY = '2026-12-06';
/** the last full month: the demo's stories and faults are in it */
const CLOSED = '2026-11';
const DRAFT = '2026-10';

test.use({ today: TODAY });

/** Opens an address and waits for its page heading. */
async function visit(page: Page, path: string, heading: string | RegExp): Promise<void> {
  await page.goto(`#${path}`);
  await page.getByRole('heading', { name: heading }).first().waitFor();
}

/** Closes the open dialog or drawer as a keyboard user does. */
async function dismiss(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
}

test('before anything is set up: the welcome page and the empty screens', async ({ page }) => {
  await visit(page, '/', /./);
  await expectAccessible(page, 'empty-home');
  await visit(page, '/settings/institution', '机构设置');
  await expectAccessible(page, 'empty-institution');
  await visit(page, '/residents', '服务对象');
  await expect(page.getByRole('table', { name: '服务对象列表' })).toContainText('暂无数据');
  await expectAccessible(page, 'empty-residents');
  await visit(page, '/visits', '上门服务');
  await expectAccessible(page, 'empty-visits');
  await visit(page, '/claims', '月度结算');
  await expectAccessible(page, 'empty-claims');
  await visit(page, '/plans', '服务计划');
  await expect(page.getByTestId('empty-state')).toContainText('还不能制定服务计划');
  await expectAccessible(page, 'empty-plans');
});

test.describe('the demo institution', () => {
  test.beforeEach(({ host }) => {
    // each test walks several screens and dialogs of a 120-bed institution, each scanned by axe
    // (up to ~35 s on an idle CI machine): three times the default budget
    test.slow();
    const r = ltcOn(TODAY, 'demo', '--db', host.dbFile);
    expect(r.code, r.stderr).toBe(0);
  });

  test('首页, 服务对象 and one person’s page with its dialogs', async ({ page }) => {
    await visit(page, '/', /./);
    await expect(page.getByText(`今天 ${TODAY}`)).toBeVisible();
    // the month's claim arrives by its own call: scan the card with its figures, not its placeholder
    await expect(page.getByTestId('home-claim')).toContainText('结算人数');
    await screenshot(page, '70-demo-home');
    await expectAccessible(page, 'home');

    const residents = new ResidentsPage(page);
    await residents.open();
    await expect(residents.rows().first()).toBeVisible();
    await expectAccessible(page, 'residents');
    const name = (await residents.rows().first().getByRole('link').first().innerText()).trim();
    await residents.openResident(name);
    const person = new ResidentDetailPage(page);
    await expectAccessible(page, 'resident-personal');
    for (const tab of ['评估结论', '入住记录', '床日日历'] as const) {
      await person.tab(tab);
      await expect(page.getByRole('tabpanel')).toBeVisible();
      await expectAccessible(page, `resident-${{ 评估结论: 'assessments', 入住记录: 'events', 床日日历: 'calendar' }[tab]}`);
    }
    await person.tab('评估结论');
    await page.getByRole('button', { name: '录入评估结论' }).click();
    await expect(page.getByRole('form', { name: '评估结论表单' })).toBeVisible();
    await expectAccessible(page, 'dialog-assessment');
    await dismiss(page);
    await person.tab('入住记录');
    await page.getByRole('button', { name: '登记事件' }).click();
    await expect(person.eventForm()).toBeVisible();
    await expectAccessible(page, 'dialog-stay-event');
    await dismiss(page);

    await residents.open();
    await residents.add();
    await expectAccessible(page, 'resident-new');
  });

  test('床位: the board with the demo’s occupied and free beds, the register and its dialog', async ({ page }) => {
    const beds = new BedsPage(page);
    await beds.open();
    await expect(beds.counts()).toContainText('床位总数120');
    await screenshot(page, '71-demo-beds');
    await expectAccessible(page, 'beds-board');
    await beds.manage();
    await expect(beds.rows().first()).toBeVisible();
    await expectAccessible(page, 'beds-manage');
    await page.getByRole('button', { name: '新增床位' }).click();
    await expect(beds.form()).toBeVisible();
    await expectAccessible(page, 'dialog-bed');
    await dismiss(page);
  });

  test('上门服务: the list, the drawer new and editing, the import and its preview', async ({ page }, info) => {
    const visits = new VisitsPage(page);
    await visits.open(`?status=error`);
    await expect(visits.rows().first()).toBeVisible();
    await expectAccessible(page, 'visits');
    const ref = (await visits
      .rows()
      .first()
      .getByRole('button', { name: /^编辑 / })
      .getAttribute('aria-label'))!.replace('编辑 ', '');
    await visits.edit(ref);
    await expect(visits.check()).toContainText(/./);
    await expectAccessible(page, 'drawer-visit-edit');
    await dismiss(page);
    await visits.add();
    await expectAccessible(page, 'drawer-visit-new');
    await dismiss(page);

    await visit(page, '/visits/import', '导入上门服务记录');
    await expectAccessible(page, 'visits-import');
    mkdirSync(info.outputDir, { recursive: true });
    const file = join(info.outputDir, '护理App导出.csv');
    writeFileSync(
      file,
      [
        '服务对象身份证号,服务对象姓名,护理人员姓名,开始时间,结束时间,服务项目编码,签字确认,外部编号',
        ',无此人,无此人,2026-11-20 09:00,2026-11-20 10:00,LC01,是,APP-001',
        ',无此人,无此人,2026-11-21 09:00,2026-11-21 10:00,ZZ99,否,APP-002',
      ].join('\r\n'),
    );
    const imp = new VisitImportPage(page);
    await imp.choose(file);
    await expect(imp.previewRow(3)).toContainText('ZZ99');
    await expectAccessible(page, 'visits-import-preview');
  });

  test('员工与证书 and 花名册导入: the list, the matrix, a person with the certificate dialog, a new person', async ({ page }) => {
    const list = new StaffListPage(page);
    await list.open();
    await expect(list.rows().first()).toBeVisible();
    await expectAccessible(page, 'staff');
    await new StaffMatrixPage(page).open();
    await expectAccessible(page, 'staff-matrix');

    await list.open('?role=nurse');
    await list.rows().first().getByRole('link').first().click();
    const person = new StaffDetailPage(page);
    await expect(person.certificates()).toBeVisible();
    await expectAccessible(page, 'staff-person');
    await person.openAddCertificate();
    await expectAccessible(page, 'dialog-certificate');
    await dismiss(page);

    await visit(page, '/staff/new', /新增员工/);
    await expectAccessible(page, 'staff-new');
    await visit(page, '/import/roster', /花名册/);
    await expectAccessible(page, 'roster-import');
  });

  test('月度结算 and 报表: a draft month with its dialogs, a submitted and settled one, the ledger', async ({ page, host }, info) => {
    test.setTimeout(180_000);
    // November submitted and settled as an administrator would at the start of December.
    expect(ltcOn(TODAY, 'submit', '--db', host.dbFile, '--month', CLOSED, '--accept-errors', '--by', '张会计').code).toBe(0);
    const result = info.outputPath('result.xlsx');
    expect(ltcOn(TODAY, 'result-template', '--db', host.dbFile, '--month', CLOSED, result).code).toBe(0);
    expect(ltcOn(TODAY, 'result', '--db', host.dbFile, '--month', CLOSED, result).code).toBe(0);

    const claims = new ClaimsPage(page);
    await claims.open(DRAFT);
    await expect(claims.issues().first()).toBeVisible();
    await expectAccessible(page, 'claims-issues');
    await claims.tab('结算明细');
    await expect(claims.lineRows().first()).toBeVisible();
    await expectAccessible(page, 'claims-lines');
    await claims.openSubmit();
    await expectAccessible(page, 'dialog-submit');
    await claims.cancelSubmit();
    await claims.openPrintPreview();
    await expectAccessible(page, 'dialog-print-preview');
    await claims.closePrintPreview();

    await claims.open(CLOSED);
    await expect(claims.status()).toHaveText('已结算');
    await claims.tab('申报文件');
    await expect(claims.fileRows().first()).toBeVisible();
    await expectAccessible(page, 'claims-files');
    await claims.tab('审核结果与对账');
    await expect(claims.panel()).toContainText('对账');
    await expectAccessible(page, 'claims-result');

    await visit(page, '/reports', '报表');
    await expect(page.locator('.ant-table-tbody tr.ant-table-row').first()).toContainText(CLOSED);
    await expectAccessible(page, 'reports');
  });

  test('排班 and 设置 › 班次: the grid with its checks, the suggestion and pattern dialogs, the shift types', async ({ page }) => {
    // axe reads every one of the grid's ~2,000 cells, on each of its runs
    test.setTimeout(240_000);
    await visit(page, '/rota?month=2026-12', '排班');
    await expect(page.getByRole('grid', { name: '排班表' })).toBeVisible();
    await screenshot(page, '72-demo-rota');
    await expectAccessible(page, 'rota');
    await visit(page, '/rota?month=2026-12&view=week', '排班');
    await expectAccessible(page, 'rota-week');
    await page.getByRole('button', { name: '排班建议', exact: true }).click();
    await expect(page.getByRole('dialog', { name: '排班建议' })).toBeVisible();
    await expectAccessible(page, 'dialog-rota-suggest');
    await dismiss(page);
    await page.getByRole('button', { name: '轮班规律', exact: true }).click();
    await expectAccessible(page, 'dialog-rota-pattern');
    await dismiss(page);
    await visit(page, '/settings/shifts', '班次');
    await expectAccessible(page, 'settings-shifts');
    await page.getByRole('button', { name: '新增班次' }).click();
    await expect(page.getByRole('form', { name: '班次表单' })).toBeVisible();
    await expectAccessible(page, 'dialog-shift-type');
    await dismiss(page);
  });

  test('服务计划: the plans, a plan’s form, 派单 with its suggestion dialog, 计划与实际', async ({ page }) => {
    await visit(page, '/plans', '服务计划');
    await expect(page.getByTestId('plans-table')).toBeVisible();
    await expectAccessible(page, 'plans');
    await page
      .getByRole('button', { name: /^(编辑计划|制定计划)：/ })
      .first()
      .click();
    await expect(page.getByRole('dialog', { name: /的服务计划$/ })).toBeVisible();
    await expectAccessible(page, 'dialog-plan');
    await dismiss(page);
    await visit(page, '/plans?tab=schedule', '服务计划');
    await expect(page.getByTestId('plan-visits')).toBeVisible();
    await screenshot(page, '74-demo-plans-schedule');
    await expectAccessible(page, 'plans-schedule');
    await page.getByRole('button', { name: '派单建议', exact: true }).click();
    await expect(page.getByRole('dialog', { name: /派单建议/ })).toBeVisible();
    await expectAccessible(page, 'dialog-plan-suggest');
    await dismiss(page);
    await visit(page, '/plans?tab=compare', '服务计划');
    await expect(page.getByTestId('plan-missed')).toBeVisible();
    await expectAccessible(page, 'plans-compare');
  });

  test('检查准备: the board with a check opened and its charts, 自查 with the verify and home-point dialogs, the sample, the settings drawer', async ({
    page,
  }) => {
    const inspection = new InspectionPage(page);
    await visit(page, `/inspection?month=${CLOSED}`, '检查准备');
    await expect(inspection.checkStatus('duration')).toHaveText('不合格', { timeout: 60_000 });
    await inspection.openCheck('duration');
    await expect(inspection.checkRecords()).toBeVisible();
    await expect(page.getByTestId('chart-score').locator('svg')).toBeVisible();
    await expectAccessible(page, 'inspection-board');
    await page.getByRole('button', { name: '设置', exact: true }).click();
    await expect(page.getByRole('dialog')).toContainText('得分权重');
    await expectAccessible(page, 'inspection-settings');
    await dismiss(page);

    await inspection.tab('自查');
    await expect(inspection.ruleHits('NO_CHECKIN')).toHaveCount(1, { timeout: 60_000 });
    await expectAccessible(page, 'inspection-self-audit');
    await inspection.ruleHits('NO_CHECKIN').getByRole('button', { name: '核实为正常' }).click();
    await expect(page.getByRole('dialog', { name: '核实为正常' })).toBeVisible();
    await expectAccessible(page, 'inspection-verify');
    await dismiss(page);
    await inspection.ruleHits('CHECKIN_FAR').first().getByRole('button', { name: '设住址位置' }).click();
    await expect(page.getByRole('dialog')).toContainText('住址位置');
    await expectAccessible(page, 'inspection-home-point');
    await dismiss(page);

    await inspection.tab('抽查与资料包');
    await inspection.drawSample(3, 2, 1);
    await expect(inspection.sampleRows()).toHaveCount(6);
    await expectAccessible(page, 'inspection-sample');
  });

  test('设置: 机构设置, 审计日志 with a row opened, 系统与数据', async ({ page }) => {
    await visit(page, '/settings/institution', '机构设置');
    await expectAccessible(page, 'settings-institution');
    await visit(page, '/settings/audit', '审计日志');
    const audit = new AuditPage(page);
    await audit.expand(0);
    await expect(audit.changes()).toBeVisible();
    await expectAccessible(page, 'settings-audit');
    await visit(page, '/settings/system', '系统与数据');
    await expectAccessible(page, 'settings-system');
  });
});
