/**
 * The frame around every screen: each screen highlights its own entry in the side navigation (the
 * roster import is 员工与证书's, a resident's page 服务对象's), has exactly one main landmark, and every
 * button, link, tab and menu entry has a name a screen reader can say (not an icon's English name).
 */
import { AppShell } from './pages/AppShell';
import { expect, ltc, test } from './support/fixtures';

/** route → the entry it belongs to (ids from the sample: residents 1–4, staff 1–2) */
const SCREENS: [string, string][] = [
  ['/', '首页'],
  ['/residents', '服务对象'],
  ['/residents/new', '服务对象'],
  ['/residents/3?tab=calendar&month=2026-10', '服务对象'],
  ['/beds', '床位'],
  ['/visits', '上门服务'],
  ['/visits/import', '上门服务'],
  ['/staff', '员工与证书'],
  ['/staff/matrix', '员工与证书'],
  ['/staff/new', '员工与证书'],
  ['/staff/1', '员工与证书'],
  ['/import/roster', '员工与证书'],
  ['/rota?month=2026-10', '排班'],
  ['/rota?month=2026-10&view=week', '排班'],
  ['/plans', '服务计划'],
  ['/plans?tab=schedule&month=2026-10', '服务计划'],
  ['/plans?tab=compare&month=2026-10', '服务计划'],
  ['/claims?month=2026-10', '月度结算'],
  ['/reports', '报表'],
  ['/inspection?month=2026-10', '检查准备'],
  ['/inspection?month=2026-10&tab=selfAudit', '检查准备'],
  ['/inspection?month=2026-10&tab=sample', '检查准备'],
  ['/settings/institution', '机构设置'],
  ['/settings/shifts', '班次'],
  ['/settings/audit', '审计日志'],
  ['/settings/system', '系统与数据'],
];

test.beforeEach(({ host }) => {
  expect(ltc('import', '--db', host.dbFile, 'tests/fixtures/sample-ningbo.json').code).toBe(0);
});

test('every screen highlights its own entry in the side navigation', async ({ page }) => {
  const shell = new AppShell(page);
  for (const [route, entry] of SCREENS) {
    await shell.open(route);
    await expect(shell.selectedNav(), route).toHaveCount(1);
    await expect(shell.selectedNav(), route).toHaveText(entry);
  }
  // The roster import serves both lists: opened from one, it stays under that one.
  await shell.open('/residents');
  await page.getByRole('button', { name: '从花名册导入' }).first().click();
  await expect(page).toHaveURL(/#\/import\/roster\?from=residents/);
  await expect(shell.selectedNav()).toHaveText('服务对象');
  await shell.open('/staff');
  await page.getByRole('button', { name: '从 Excel 导入花名册' }).click();
  await expect(page.getByRole('heading', { name: '花名册导入' })).toBeVisible();
  await expect(shell.selectedNav()).toHaveText('员工与证书');
});

test('every screen has one main landmark and names every control', async ({ page }) => {
  const shell = new AppShell(page);
  for (const [route] of SCREENS) {
    await shell.open(route);
    await expect(page.getByRole('heading', { level: 1 }), route).toBeVisible(); // the screen's title (one h1 per page)
    await expect(page.getByRole('main'), route).toHaveCount(1);
    await expect(page.locator('main main'), route).toHaveCount(0);
    expect(await shell.poorlyNamedControls(), route).toEqual([]);
  }
  await expect(shell.nav().getByRole('menuitem', { name: '首页', exact: true })).toBeVisible();
});

test('opening the app asks the host each first question once, the login’s before the home screen’s data', async ({ page }) => {
  // the host answers one call at a time: a gate asked after the home screen's dashboard waits for it, and a
  // dashboard asked twice doubles the wait for the first screen (bench: rendererReadyMs)
  const calls: string[] = [];
  page.on('request', (r) => {
    const m = /\/rpc\/([\w.]+)$/.exec(r.url());
    if (m?.[1]) calls.push(m[1]);
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByTestId('home-claim')).toBeVisible();
  expect(calls.filter((c) => c === 'dashboard.get')).toHaveLength(1);
  expect(calls.filter((c) => c === 'auth.status')).toHaveLength(1);
  expect(calls.filter((c) => c === 'recovery.status')).toHaveLength(1);
  expect(calls.indexOf('auth.status')).toBeLessThan(calls.indexOf('dashboard.get'));
  expect(calls.indexOf('recovery.status')).toBeLessThan(calls.indexOf('dashboard.get'));
});
