/**
 * 护士长 and the home-visit plans: a plan over the month's quota is refused with the rule and the numbers
 * (ningbo-2022, level 4: 25 hours a month; 5 visits a week × 90 minutes is 23 visits in the longest month,
 * 34.5 hours), a plan within it is saved; 派单建议 gives the month's visits a caregiver and is accepted; a
 * planned visit without a record shows as missed on 首页 and in 计划与实际.
 * Today is Thursday 2026-10-08. 李大爷's plan: Monday and Wednesday at 09:00 with 王芳; Monday's visit was
 * recorded at 09:10 (within the 60-minute tolerance), Wednesday's was not: one missed this week.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { idNumberCheckChar } from '../../shared/domain/ids';
import { importDataset } from './support/dataset';
import { expect, screenshot, test } from './support/fixtures';

test.use({ today: '2026-10-08' });

const id = (serial: number) => {
  const first17 = `330205${serial < 50 ? '19400101' : '19850101'}${String(serial * 2).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
};

function seed(dbFile: string, dir: string): void {
  const client = (ref: string, name: string, n: number, address: string) => ({
    ref,
    name,
    idNumber: id(n),
    address,
    assessments: [{ level: 4, concludedOn: '2026-08-10' }],
    events: [{ type: 'admit', date: '2026-09-01', mode: 'home' }],
  });
  const carer = (ref: string, name: string, n: number) => ({
    ref,
    name,
    idNumber: id(n),
    role: 'caregiver',
    employedFrom: '2020-01-01',
    certificates: [{ type: 'elderly-caregiver', number: `E${n}`, issuedOn: '2020-01-01' }],
  });
  const dataset = {
    format: 'ltc-dataset',
    version: 1.1,
    institution: {
      name: '幸福居家服务中心',
      uscc: '91350100M000100Y43',
      agencyCode: 'H33020500001',
      region: '330205',
      policy: 'ningbo-2022',
      prices: { hourlyFeeFen: 6000 },
    },
    residents: [
      client('C001', '张阿姨', 1, '宁波市海曙区西门街道幸福小区1幢'),
      client('C002', '李大爷', 2, '宁波市海曙区西门街道幸福小区3幢'),
      client('C003', '王奶奶', 3, '宁波市海曙区南门街道安康苑5幢'),
    ],
    staff: [carer('S001', '王芳', 60), carer('S002', '李娜', 61)],
    visits: [{ ref: 'V001', resident: 'C002', staff: 'S001', start: '2026-10-05T09:10', end: '2026-10-05T10:10', items: ['LC01'], confirmed: true }],
    carePlans: [
      {
        resident: 'C002',
        items: ['LC01'],
        visitsPerWeek: 2,
        minutes: 60,
        days: [1, 3],
        windowStart: '09:00',
        windowEnd: '11:00',
        preferredStaff: 'S001',
        excludedStaff: [],
      },
    ],
    plannedVisits: [
      { resident: 'C002', staff: 'S001', date: '2026-10-05', start: '09:00', minutes: 60 },
      { resident: 'C002', staff: 'S001', date: '2026-10-07', start: '09:00', minutes: 60 },
    ],
  };
  mkdirSync(dir, { recursive: true });
  const file = `${dir}/plans-dataset.json`;
  writeFileSync(file, JSON.stringify(dataset));
  const r = importDataset(dbFile, file);
  expect(r.code, r.stderr).toBe(0);
}

test('a plan over the quota is refused with the numbers; one within it is saved; 派单建议 is accepted; a missed visit shows', async ({ page, host }, info) => {
  test.setTimeout(120_000);
  seed(host.dbFile, info.outputDir);

  // 首页: this week so far (Monday 10-05 to yesterday): two planned, one done, one missed
  await page.goto('#/');
  const week = page.getByTestId('home-plans-week');
  await expect(week).toContainText('2026-10-05 至 2026-10-11');
  await expect(page.getByTestId('home-plans-matched')).toContainText('按计划完成1次');
  await expect(page.getByTestId('home-plans-missed')).toContainText('漏服务1次');

  await page.goto('#/plans');
  await expect(page.getByRole('heading', { level: 1, name: '服务计划' })).toBeVisible();
  const table = page.getByTestId('plans-table');
  await expect(table.getByRole('row', { name: /李大爷/ })).toContainText('每周 2 次 × 60 分钟 · 周一、周三 · 09:00–11:00');
  await page.getByRole('searchbox', { name: '搜索姓名、编号或地址' }).fill('张阿姨');
  await expect(table.getByRole('row')).toHaveCount(2);

  await page.getByRole('button', { name: '制定计划：张阿姨' }).click();
  const dialog = page.getByRole('dialog', { name: '张阿姨的服务计划' });
  await dialog.getByLabel('服务项目').click();
  await page.keyboard.type('LC01');
  await page.keyboard.press('Enter');
  await dialog.getByLabel('每周次数').fill('5');
  await dialog.getByLabel('每次时长（分钟）').fill('90');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByRole('alert')).toContainText(
    '超出按小时限额：每周 5 次 × 每次 90 分钟，最多的月份有 23 次，共 34.5 小时，超过4级（重度失能Ⅱ级）每月 25 小时的限额',
  );
  await screenshot(page, '85-plan-over-quota');

  // 3 a week × 60 minutes: 15 visits, 15 hours in the longest month, within 25
  await dialog.getByLabel('每周次数').fill('3');
  await dialog.getByLabel('每次时长（分钟）').fill('60');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(table.getByRole('row', { name: /张阿姨/ })).toContainText('每周 3 次 × 60 分钟 · 任意日 · 08:00–12:00');

  // 派单: from today to the month's end. 张阿姨 Mon/Wed/Fri → 10-09, 12, 14, 16, 19, 21, 23, 26, 28, 30 (10);
  // 李大爷 Mon/Wed → 10-12, 14, 19, 21, 26, 28 (6): 16 visits, two caregivers free all day
  await page.getByRole('tab', { name: '派单' }).click();
  await page.getByRole('button', { name: '派单建议' }).click();
  const suggest = page.getByRole('dialog', { name: /派单建议/ });
  await suggest.getByRole('button', { name: '生成建议' }).click();
  await expect(suggest.getByTestId('plan-suggestion')).toContainText('满足需求 16 / 16 次（100%）');
  await suggest.getByRole('button', { name: '采用并保存' }).click();
  await expect(suggest).toBeHidden();
  await expect(page.getByText('派单冲突：没有冲突')).toBeVisible();
  // the two of last week stay, the 16 suggested are added
  await page.getByRole('searchbox', { name: '搜索服务对象或地址' }).fill('李大爷');
  await expect(page.getByTestId('plan-visits').locator('tbody tr')).toHaveCount(8);
  await expect(page.getByTestId('plan-visits').locator('tbody tr').first()).toContainText('王芳');

  // 计划与实际: Wednesday's visit is missed, Monday's matched
  await page.getByRole('tab', { name: '计划与实际' }).click();
  await expect(page.getByTestId('plan-missed')).toContainText('2026-10-07');
  await expect(page.getByTestId('plan-missed')).toContainText('李大爷');
  await expect(page.getByTestId('plan-missed-count')).toContainText('1');
  await screenshot(page, '86-plan-vs-done');
});
