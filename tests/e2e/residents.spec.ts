import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { AppShell } from './pages/AppShell';
import { BedsPage } from './pages/BedsPage';
import { ResidentDetailPage } from './pages/ResidentDetailPage';
import { ResidentsPage } from './pages/ResidentsPage';
import { buttonName, typeDate } from './pages/ResidentWidgets';
import { idNumber } from '../support/builders';
import { expect, screenshot, test } from './support/fixtures';
import { OUT_DIR, ROOT } from './support/host';

/**
 * `ltc import` from the build under test (the host's own), so the file the host created is opened by
 * the same schema version (bin/ltc.cjs would use out/, which may be an older build).
 */
const importSample = (db: string) =>
  spawnSync(process.execPath, [join(OUT_DIR, 'main/cli.js'), 'import', '--db', db, 'tests/fixtures/sample-ningbo.json'], { cwd: ROOT, encoding: 'utf8' });

test.beforeEach(({ host }) => {
  // the sample institution (宁波, level-4 fee 90.00 yuan a day) and its four residents
  const r = importSample(host.dbFile);
  expect(r.status, r.stderr).toBe(0);
});

test('an administrator adds a resident with an assessment and a stay, and sees the hospital days on the calendar', async ({ page }) => {
  // a long walk through four screens (~45 s on an idle CI machine): three times the default budget
  test.slow();
  const shell = new AppShell(page);
  await shell.open('/');
  await shell.go('床位');
  const beds = new BedsPage(page);
  await beds.manage();
  await beds.addBed({ code: '2-203-1' });
  await expect(beds.row('2-203-1')).toBeVisible();

  await shell.go('服务对象');
  const list = new ResidentsPage(page);
  await list.add();
  const detail = new ResidentDetailPage(page);
  await detail.fillPersonal({ name: '周桂兰', idNumber: '11010519491231002X', insurance: '城乡居民医保' });
  // birth date and sex are read from the number (docs/rules.md §9: 17th digit even = female)
  await expect(detail.idFacts()).toContainText('出生日期 1949-12-31 · 女');
  await detail.savePersonal();
  await expect(page.getByText('服务对象已保存')).toBeVisible();

  // docs/rules.md §6 worked example: level 4, admitted 10-10, hospital 10-15, return 10-18, discharge 10-25
  await detail.addAssessment({ level: '4级 重度失能Ⅱ级', concludedOn: '2026-08-20', number: 'NB2026-0831', assessor: '宁波市医保中心' });
  await expect(page.getByText('评估结论已保存')).toBeVisible();
  // benefits from the 1st of the next month, valid 24 months (docs/rules.md §2)
  await expect(detail.assessmentRows().first()).toContainText('2026-09-01 至 2028-08-31');
  await expect(detail.assessmentRows().first()).toContainText('有效');
  await expect(page.getByRole('dialog')).toBeHidden();
  await screenshot(page, '41-resident-assessments');

  await detail.tab('入住记录');
  await detail.addEvent({ type: '入住', date: '2026-10-10', mode: '机构护理', bed: '2-203-1' });
  await expect(detail.eventRows()).toHaveCount(1);
  await detail.addEvent({ type: '住院', date: '2026-10-15', note: '肺炎' });
  await detail.addEvent({ type: '返院', date: '2026-10-18' });
  await expect(detail.eventRows()).toHaveCount(3);

  // a return with no hospital stay open is refused with the rule's reason; nothing is saved
  await detail.addEvent({ type: '返院', date: '2026-10-20' });
  await expect(page.getByRole('dialog')).toContainText('返院（2026-10-20）之前没有未结束的住院或请假');
  await screenshot(page, '42-resident-event-refused');
  await detail.cancelDialog();
  await expect(detail.eventRows()).toHaveCount(3);

  await detail.addEvent({ type: '出院', date: '2026-10-25' });
  await expect(detail.eventRows()).toHaveCount(4);
  await expect(detail.eventRows().nth(0)).toContainText('2-203-1');
  await expect(page.getByRole('dialog')).toBeHidden();
  await screenshot(page, '43-resident-events');

  await detail.tab('床日日历');
  await detail.showMonth('2026-10');
  for (const d of ['2026-10-15', '2026-10-16', '2026-10-17']) {
    await expect(detail.day(d)).toHaveAttribute('data-status', 'hospital');
    await expect(detail.day(d)).toContainText('不计费：住院天数不计费');
  }
  await expect(detail.day('2026-10-18')).toContainText('计费');
  await expect(detail.day('2026-10-09')).toHaveAttribute('data-status', 'outside');
  await expect(detail.day('2026-10-25')).toHaveAttribute('data-status', 'outside');
  // 12 billable days; fund min(6300, 5000) = 50.00 a day → 600.00; personal 40.00 a day → 480.00
  await expect(detail.calendarSummary()).toContainText('住院天数3');
  await expect(detail.calendarSummary()).toContainText('计费床日12');
  await expect(detail.calendarSummary()).toContainText('基金支付600.00 元');
  await expect(detail.calendarSummary()).toContainText('个人负担480.00 元');
  await screenshot(page, '44-resident-calendar');

  await shell.go('服务对象');
  await list.search('周桂兰');
  await expect(list.rows()).toHaveCount(1);
  await expect(list.row('周桂兰')).toContainText('110105********002X');
  await expect(list.row('周桂兰')).toContainText('4级 重度失能Ⅱ级');
  await expect(list.row('周桂兰')).toContainText('已出院');
});

test('the list masks ID numbers and filters on the server; the whole number is only on the person’s page', async ({ page }) => {
  const list = new ResidentsPage(page);
  await list.open();
  await expect(list.rows()).toHaveCount(4);
  await expect(list.row('李建国')).toContainText('330205********0037');
  await expect(list.row('李建国')).toContainText('男');
  await expect(list.row('李建国')).toContainText('5级 重度失能Ⅲ级');
  await expect(list.row('李建国')).toContainText('2-202-1');
  await expect(page.getByText('330205194501010037')).toHaveCount(0);
  await screenshot(page, '40-residents-list');

  await list.filterBy('护理方式', '居家护理');
  await expect(list.rows()).toHaveCount(1);
  await expect(list.rows().first()).toContainText('陈淑芬');
  await expect(list.rows().first()).toContainText('服务中');
  await list.filterBy('护理方式', '机构护理');
  await list.filterBy('当前等级', '2级 中度失能');
  await expect(list.rows()).toHaveCount(1);
  await expect(list.rows().first()).toContainText('赵德胜');

  await list.open();
  await list.search('李建国');
  await list.openResident('李建国');
  const detail = new ResidentDetailPage(page);
  await expect(detail.personalField('身份证号')).toHaveValue('330205194501010037');
  await expect(detail.summary()).toContainText('2-202-1');
});

test('a failing check character is a warning that still saves; delete asks first and is refused for someone with visits', async ({ page }) => {
  const list = new ResidentsPage(page);
  await list.open();
  await list.add();
  const detail = new ResidentDetailPage(page);
  await detail.fillPersonal({ name: '钱某', idNumber: '110105194912310021' });
  await expect(page.getByText('身份证号校验未通过，仍可保存')).toBeVisible();
  await detail.savePersonal();
  await expect(page.getByText('服务对象已保存')).toBeVisible();
  await list.open();
  await expect(list.row('钱某')).toContainText('号码待核对');

  // 陈淑芬 has home visits: deleting would lose the evidence, so the app says why and suggests discharge
  await list.openResident('陈淑芬');
  await page.getByRole('button', { name: buttonName('删除') }).click();
  await expect(page.getByRole('dialog')).toContainText('上门服务记录');
  await expect(page.getByRole('dialog')).toContainText('请登记“出院”');
  await page.getByRole('dialog').getByRole('button').last().click();

  await list.open();
  await list.openResident('钱某');
  await page.getByRole('button', { name: buttonName('删除') }).click();
  await expect(page.getByText('确定删除 钱某？')).toBeVisible();
  await page
    .getByRole('tooltip')
    .filter({ hasText: '确定删除 钱某？' })
    .getByRole('button', { name: buttonName('删除') })
    .click();
  await expect(page.getByText('已删除')).toBeVisible();
  await expect(list.rows()).toHaveCount(4);
  await expect(list.row('钱某')).toHaveCount(0);
});

test.describe('on 2026-12-06', () => {
  test.use({ today: '2026-12-06' });

  test('what has not happened yet is refused at entry; dates typed as 2026/11/10, 20261120 or 2026-11-3 are read', async ({ page }) => {
    const list = new ResidentsPage(page);
    await list.open();
    await list.openResident('赵德胜');
    const detail = new ResidentDetailPage(page);
    await detail.tab('入住记录');
    await detail.addEvent({ type: '住院', date: '2027-01-05' });
    await expect(detail.dialogError('日期')).toHaveText('住院日期 2027-01-05 晚于今天（2026-12-06）：入住记录只登记已经发生的住院，请核对日期，到当天再登记');
    await screenshot(page, '47-resident-event-future');
    await detail.cancelDialog();
    await expect(detail.eventRows()).toHaveCount(1);

    await detail.addEvent({ type: '住院', date: '2026-11-3' });
    await detail.addEvent({ type: '返院', date: '2026/11/10' });
    await detail.addEvent({ type: '请假外出', date: '20261120' });
    await expect(page.getByRole('dialog')).toBeHidden();
    await expect(detail.eventRows()).toHaveCount(4);
    for (const d of ['2026-11-03', '2026-11-10', '2026-11-20']) await expect(page.getByRole('table', { name: '入住记录列表' })).toContainText(d);

    await detail.tab('评估结论');
    await page.getByRole('button', { name: '录入评估结论' }).click();
    const form = page.getByRole('form', { name: '评估结论表单' });
    await typeDate(form.getByLabel('结论日期', { exact: true }), '2027-03-10');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: buttonName('保存') })
      .click();
    await expect(detail.dialogError('结论日期')).toContainText('评估结论日期 2027-03-10 晚于今天（2026-12-06）');
    // a date that is no date is said, not dropped
    await typeDate(form.getByLabel('结论日期', { exact: true }), '2026-13-45');
    await expect(page.getByRole('dialog')).toContainText('“2026-13-45”不是有效的日期');
    await detail.cancelDialog();
  });

  test('an ID number born after today is refused, a phone must be a phone, and Enter on 参保类型 keeps the next field', async ({ page }) => {
    const list = new ResidentsPage(page);
    await list.open();
    await list.add();
    const detail = new ResidentDetailPage(page);
    await detail.personalField('姓名').fill('周桂兰');
    await detail.personalField('身份证号').fill(idNumber('2099-12-31', 3));
    await expect(detail.personalError('身份证号')).toContainText('身份证号中的出生日期2099-12-31晚于今天（2026-12-06）');
    await expect(detail.idFacts()).toHaveCount(0);
    await expect(page.getByText(/-\d+岁/)).toHaveCount(0);
    await detail.savePersonal();
    await screenshot(page, '48-resident-id-future');
    await expect(page.getByText('服务对象已保存')).toHaveCount(0);

    await detail.personalField('身份证号').fill('11010519491231002X');
    await expect(detail.idFacts()).toContainText('出生日期 1949-12-31 · 女 · 76岁');
    // 参保类型 from the keyboard: open, choose with Enter, Tab to 联系电话 and type
    await detail.personalField('身份证号').press('Tab');
    await page.keyboard.press('ArrowDown');
    await page.locator('.ant-select-dropdown:visible').waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(detail.personalForm().locator('.ant-select').first()).toContainText('职工医保');
    // the list has closed on the choice, as a user sees before moving on (a Tab while it is still
    // closing is taken by the list, not the form)
    await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
    await page.keyboard.press('Tab');
    await page.keyboard.type('地址');
    await expect(detail.personalField('联系电话')).toHaveValue('地址');
    await page.keyboard.press('Tab');
    await expect(detail.personalError('联系电话')).toContainText('联系电话“地址”不是电话号码');
    await screenshot(page, '49-resident-phone');
    // mending the number clears the mistake as it is typed, before 保存 is reached for (had it
    // cleared only on leaving the field, the form would shrink under the click on 保存 and lose it)
    await detail.personalField('联系电话').fill('0574-87654321');
    await expect(detail.personalError('联系电话')).toHaveCount(0);
    await detail.savePersonal();
    await expect(page.getByText('服务对象已保存')).toBeVisible();
    await detail.tab('基本信息');
    await expect(detail.personalField('联系电话')).toHaveValue('0574-87654321');
    await expect(detail.personalForm().locator('.ant-select').first()).toContainText('职工医保');
  });
});

test('a refusal names the field in Chinese, never by its key (a bed number twice)', async ({ page }) => {
  const beds = new BedsPage(page);
  await beds.open();
  await beds.manage();
  await beds.addBed({ code: '2-203-1' });
  await page.getByRole('button', { name: '新增床位' }).click();
  await beds.field('床位号').fill('2-203-1');
  await page
    .getByRole('dialog')
    .getByRole('button', { name: buttonName('保存') })
    .click();
  await expect(page.getByRole('dialog')).toContainText('床位号 2-203-1 已存在');
  await expect(page.getByRole('dialog')).not.toContainText('code');
});

test('the calendar labels the admission and discharge days: 入院 counts, 出院 does not', async ({ page }) => {
  const detail = new ResidentDetailPage(page);
  // 王秀英 (r1): admitted 2026-10-10, discharged 2026-10-25 (docs/rules.md §6's worked example)
  await detail.open(1, 'tab=calendar&month=2026-10');
  await detail.calendar('2026-10').waitFor();
  await expect(detail.day('2026-10-10')).toHaveAttribute('data-mark', 'admit');
  await expect(detail.day('2026-10-10')).toContainText('入院');
  await expect(detail.day('2026-10-10')).toContainText('计费');
  await expect(detail.day('2026-10-10')).toHaveAttribute('aria-label', /入院（当日计入）/);
  await expect(detail.day('2026-10-25')).toHaveAttribute('data-mark', 'discharge');
  await expect(detail.day('2026-10-25')).toContainText('出院');
  await expect(detail.day('2026-10-25')).toContainText('当日不计入');
  await expect(detail.day('2026-10-25')).toHaveAttribute('aria-label', /出院（当日不计入）/);
  await expect(detail.day('2026-10-24')).toHaveAttribute('data-mark', '');
  await screenshot(page, '44c-resident-calendar-admission-discharge');
});

test('a home-care client’s calendar counts her 居家服务期, never 在院 days', async ({ page }) => {
  const detail = new ResidentDetailPage(page);
  // 陈淑芬 (r3, the sample's third resident) is served at home all October.
  await detail.open(3, 'tab=calendar&month=2026-10');
  await detail.calendar('2026-10').waitFor();
  await expect(detail.calendarSummary()).toContainText('居家服务期31 天');
  await expect(detail.calendarSummary()).toContainText('居家服务天数31');
  await expect(detail.calendarSummary()).not.toContainText('在院');
  await expect(detail.calendarSummary()).not.toContainText('床日');
  await expect(detail.calendarSummary()).toContainText('按上门服务记录结算');
  await screenshot(page, '44b-home-client-calendar');
});
