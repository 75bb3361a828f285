import { AppShell } from './pages/AppShell';
import { InstitutionPage } from './pages/InstitutionPage';
import { expect, screenshot, test } from './support/fixtures';

test('a new user sets up the institution from the welcome page', async ({ page }) => {
  const shell = new AppShell(page);
  await shell.open('/');
  await expect(page.getByText('欢迎使用长护助手')).toBeVisible();
  await screenshot(page, '00-welcome');
  await page.getByRole('button', { name: '设置机构' }).click();

  const inst = new InstitutionPage(page);
  await expect(inst.packNumbers()).toContainText('宁波');
  await inst.fill({
    name: '宁波市江北区颐康护理院',
    uscc: '91350100M000100YO3',
    agencyCode: 'H33020500008',
    region: '330205',
    dailyFeeYuan: { '3': '80', '4': '90', '5': '100' },
    hourlyFeeYuan: '60',
  });
  await inst.save();
  // O is not a character of the USCC alphabet: refused, in Chinese, nothing saved
  await expect(page.getByText('统一社会信用代码含有不允许的字符“O”')).toBeVisible();

  await inst.field('统一社会信用代码').fill('91350100M000100Y43');
  await inst.save();
  await expect(page.getByText('机构设置已保存')).toBeVisible();
  await expect(inst.packNumbers()).toContainText('3级 40.00 元');
  await screenshot(page, '01-institution');

  await shell.go('首页');
  await expect(page.getByRole('heading', { name: '宁波市江北区颐康护理院' })).toBeVisible();
  await expect(page.getByTestId('home-claim')).toContainText('未申报');
  await screenshot(page, '02-home');
});

test('a check character that fails is a warning, not a refusal', async ({ page }) => {
  await new AppShell(page).open('/settings/institution');
  const inst = new InstitutionPage(page);
  await inst.fill({ name: '测试护理院', uscc: '91350100M000100Y44', agencyCode: 'H33020500009', region: '330205' });
  await expect(page.getByText('统一社会信用代码校验位不符')).toBeVisible();
  await inst.save();
  await expect(page.getByText('机构设置已保存')).toBeVisible();
});

test('the address, phone and bank for the claim summary are kept, and an account that is not digits is refused', async ({ page }) => {
  await new AppShell(page).open('/settings/institution');
  const inst = new InstitutionPage(page);
  await inst.fill({ name: '测试护理院', uscc: '91350100M000100Y43', agencyCode: 'H33020500009', region: '330205' });
  await inst.field('机构地址').fill('浙江省宁波市江北区人民路100号');
  await inst.field('联系电话').fill('0574-87654321');
  await inst.field('开户银行').fill('中国工商银行宁波江北支行');
  await inst.field('银行账号').fill('账号12');
  await inst.save();
  await expect(page.getByText('银行账号只能包含数字')).toBeVisible();
  await inst.field('银行账号').fill('3901120009000123456');
  await inst.save();
  await expect(page.getByText('机构设置已保存')).toBeVisible();
  await page.reload();
  await expect(inst.field('机构地址')).toHaveValue('浙江省宁波市江北区人民路100号');
  await expect(inst.field('联系电话')).toHaveValue('0574-87654321');
  await expect(inst.field('开户银行')).toHaveValue('中国工商银行宁波江北支行');
  await expect(inst.field('银行账号')).toHaveValue('3901120009000123456');
});

test('the settings screen shows where the database file is', async ({ page, host }) => {
  const shell = new AppShell(page);
  await shell.open('/');
  await shell.go('系统与数据');
  await expect(page.getByTestId('database-file')).toHaveText(host.dbFile);
  await screenshot(page, '03-system');
});
