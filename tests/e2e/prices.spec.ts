/**
 * Money typed by people (issue 14, major 3): a negative price or a word in 机构设置 is refused with a
 * message naming the field (it used to become 0.00 silently); 首页 labels an open month's figures as
 * projected (预计) and shows what has happened so far (截至今日). The 截至今日 amounts follow from the
 * sample (tests/fixtures/sample-ningbo.json) and docs/rules.md §6 and §7: on 10-12 王秀英 (admitted 10-10, level 4,
 * fund 50.00 a day) has 3 billable days, 李建国 (level 5, fund 60.00 a day) 12; 陈淑芬's recorded visits
 * count whole (fund 152.00).
 */
import { AppShell } from './pages/AppShell';
import { InstitutionPage } from './pages/InstitutionPage';
import { importDataset } from './support/dataset';
import { expect, screenshot, test } from './support/fixtures';

test('a negative or non-numeric price is refused with the field named, and nothing is saved', async ({ page }) => {
  await new AppShell(page).open('/settings/institution');
  const inst = new InstitutionPage(page);
  await inst.fill({
    name: '宁波市江北区颐康护理院',
    uscc: '91350100M000100Y43',
    agencyCode: 'H33020500008',
    region: '330205',
    dailyFeeYuan: { '4': '九十' },
    hourlyFeeYuan: '-50',
  });
  await inst.field('居家上门每次收费').fill('65.555');
  await inst.save();
  await expect(page.getByText('居家护理每小时收费不能为负数')).toBeVisible();
  await expect(page.getByText('4级日护理费应为金额（单位元，数字），例如 60 或 60.50')).toBeVisible();
  await expect(page.getByText('居家上门每次收费最多两位小数（精确到分）')).toBeVisible();
  // what was typed stays as typed, to be corrected
  await expect(inst.field('居家护理每小时收费')).toHaveValue('-50');
  await screenshot(page, '04-institution-price-refused');
  await new AppShell(page).go('首页');
  await expect(page.getByText('欢迎使用长护助手')).toBeVisible();

  await new AppShell(page).go('机构设置');
  await inst.fill({
    name: '宁波市江北区颐康护理院',
    uscc: '91350100M000100Y43',
    agencyCode: 'H33020500008',
    region: '330205',
    dailyFeeYuan: { '4': '90' },
    hourlyFeeYuan: '60',
  });
  await inst.field('居家上门每次收费').fill('');
  await inst.save();
  await expect(page.getByText('机构设置已保存')).toBeVisible();
  await expect(inst.field('居家护理每小时收费')).toHaveValue('60.00');
});

test('首页 on 10-12 shows October as projected to month-end, with what has happened so far', async ({ page, host }) => {
  expect(importDataset(host.dbFile, 'tests/fixtures/sample-ningbo.json').code).toBe(0);
  await page.clock.setFixedTime(new Date('2026-10-12T10:00:00'));
  await new AppShell(page).open('/');
  const card = page.getByTestId('home-claim');
  await expect(card.getByTestId('home-claim-projected')).toBeVisible();
  await expect(card).toContainText('床日 · 预计');
  await expect(card.getByTestId('home-claim-today-days')).toHaveText('截至今日 15');
  // 3 × 50.00 + 12 × 60.00 + 152.00
  await expect(card.getByTestId('home-claim-today-fund')).toHaveText('截至今日 1,022.00');
  await screenshot(page, '02b-home-projected');
});
