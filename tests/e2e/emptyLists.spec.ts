/**
 * An empty list says what is missing and offers the next step (新增…, 导入…) instead of 暂无数据; a list
 * emptied by its filters offers to clear them.
 */
import { AppShell } from './pages/AppShell';
import { EmptyState } from './pages/EmptyState';
import { ResidentsPage } from './pages/ResidentsPage';
import { VisitsPage } from './pages/VisitsPage';
import { expect, ltc, screenshot, test } from './support/fixtures';

test('on an empty database each list offers what to do first', async ({ page }) => {
  const shell = new AppShell(page);
  const empty = new EmptyState(page);

  await shell.open('/residents');
  await expect(empty.box()).toContainText('还没有服务对象');
  await expect(empty.action('新增服务对象')).toBeVisible();
  await screenshot(page, '05b-residents-empty');
  await empty.action('从花名册导入').click();
  await expect(page).toHaveURL(/#\/import\/roster\?from=residents/);
  await expect(page.getByRole('heading', { name: '花名册导入' })).toBeVisible();
  await expect(shell.selectedNav()).toHaveText('服务对象');

  await shell.open('/staff');
  await expect(empty.box()).toContainText('还没有员工');
  await expect(empty.action('从花名册导入')).toBeVisible();
  await empty.action('新增员工').click();
  await expect(page).toHaveURL(/#\/staff\/new/);

  await shell.open('/beds');
  await expect(empty.box()).toContainText('还没有登记床位');
  await empty.action('去登记床位').click();
  await expect(page).toHaveURL(/tab=manage/);
  await expect(empty.box()).toContainText('还没有床位');
  await empty.action('新增床位').click();
  await expect(page.getByRole('dialog', { name: '新增床位' })).toBeVisible();

  await shell.open('/visits');
  await expect(empty.box()).toContainText('还没有上门服务记录');
  // Before the institution is set up, visits cannot be judged: the actions wait, and the hint says why.
  await expect(empty.action('新增服务记录')).toBeDisabled();
  await expect(empty.box()).toContainText('请先设置机构');

  await shell.open('/reports');
  await expect(empty.box()).toContainText('还没有已申报的结算');
  await empty.action('去月度结算').click();
  await expect(page).toHaveURL(/#\/claims/);
});

test('a list emptied by its filters offers to clear them', async ({ page, host }) => {
  expect(ltc('import', '--db', host.dbFile, 'tests/fixtures/sample-ningbo.json').code).toBe(0);
  const empty = new EmptyState(page);

  const residents = new ResidentsPage(page);
  await residents.open();
  await residents.search('没有这个人');
  await expect(empty.box()).toContainText('没有符合筛选条件的记录');
  await empty.action('清除筛选').click();
  await expect(residents.rows()).toHaveCount(4);
  await expect(residents.searchBox()).toHaveValue('');

  const visits = new VisitsPage(page);
  await visits.open();
  await expect(empty.box()).toBeHidden();
  await expect(visits.rows().first()).toBeVisible();
  await visits.search('没有这条记录');
  await expect(empty.box()).toContainText('没有符合筛选条件的记录');
  await expect(empty.action('新增服务记录')).toHaveCount(0);
  await empty.action('清除筛选').click();
  await expect(visits.rows()).toHaveCount(6);
});
