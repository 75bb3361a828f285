/**
 * The 更新 card of 设置 › 系统与数据. The browser preview cannot update the program, so the host is given
 * a stubbed updater state (`--update-stub`, a JSON file): everything else is real, the handlers, the
 * policy, the database, and a submission job held running for the restart's rule.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UpdatesCard } from './pages/UpdatesCard';
import { expect, screenshot, test } from './support/fixtures';

const NOTES = '修复：补报时合计金额的舍入\n新增：设置中的自动更新';
const OFFERED = { version: '0.2.0', releaseNotes: NOTES, releaseDate: '2026-12-01T08:00:00.000Z' };

/** The updater state the stubbed host reports (electron/services/updates/stubUpdater.ts). */
function stub(state: object): string[] {
  const file = join(mkdtempSync(join(tmpdir(), 'ltc-update-stub-')), 'update.json');
  writeFileSync(file, JSON.stringify(state));
  return ['--update-stub', file];
}

test.describe('a new version is offered', () => {
  test.use({ hostArgs: stub({ phase: 'available', offered: OFFERED, lastCheckedAt: '2026-12-02T08:00:00.000+08:00' }) });

  test('shows 新版本 0.2.0 with its release notes and 下载; the update server address is checked and kept across a reload', async ({ page }) => {
    const updates = new UpdatesCard(page);
    await updates.open();
    await expect(updates.offer()).toContainText('新版本 0.2.0');
    await expect(updates.notes()).toHaveText(NOTES);
    await expect(updates.downloadButton()).toBeEnabled();
    await expect(updates.restartButton()).toHaveCount(0);
    await screenshot(page, '04-system-update-offered');

    await updates.saveFeedUrl('ftp://192.168.1.10/ltc/');
    await expect(updates.card()).toContainText('更新服务器地址只支持 http:// 或 https://');
    await updates.saveFeedUrl('http://192.168.1.10/ltc/');
    await expect(page.getByText('更新服务器地址已保存')).toBeVisible();
    await page.reload();
    await expect(updates.feedInput()).toHaveValue('http://192.168.1.10/ltc/');
  });
});

test.describe('a new version is being downloaded', () => {
  test.use({ hostArgs: stub({ phase: 'downloading', offered: OFFERED, progress: { percent: 42, transferredBytes: 44_040_192, totalBytes: 104_857_600 } }) });

  test('shows the progress bar', async ({ page }) => {
    const updates = new UpdatesCard(page);
    await updates.open();
    await expect(updates.progress()).toContainText('42%');
    await expect(updates.card()).toContainText('42.0 / 100.0 MB');
    await expect(updates.downloadButton()).toHaveCount(0);
  });
});

test.describe('a new version is downloaded while a submission runs', () => {
  test.use({ hostArgs: stub({ phase: 'downloaded', offered: OFFERED, running: ['submit'] }) });

  test('立即重启并安装 is disabled and says why; otherwise the update installs on the next quit', async ({ page }) => {
    const updates = new UpdatesCard(page);
    await updates.open();
    await expect(updates.offer()).toContainText('新版本 0.2.0（已下载）');
    await expect(updates.restartButton()).toBeDisabled();
    await expect(updates.restartWaits()).toHaveText('正在申报，完成后才能重启更新');
    await expect(updates.card()).toContainText('下次退出长护助手时会自动安装');
    await screenshot(page, '04-system-update-waits');
  });
});

test.describe('a new version is downloaded and nothing runs', () => {
  test.use({ hostArgs: stub({ phase: 'downloaded', offered: OFFERED }) });

  test('立即重启并安装 asks first, then restarts', async ({ page }) => {
    const updates = new UpdatesCard(page);
    await updates.open();
    await expect(updates.restartWaits()).toHaveCount(0);
    await updates.restartAndInstall();
    await expect(page.getByText('正在关闭并安装新版本…')).toBeVisible();
  });
});

test('the plain browser preview says it cannot update the program', async ({ page }) => {
  const updates = new UpdatesCard(page);
  await updates.open();
  await expect(updates.unavailable()).toContainText('浏览器预览不支持自动更新');
  await expect(updates.checkButton()).toHaveCount(0);
  await expect(updates.currentVersion()).toHaveText(/^\d+\.\d+\.\d+/);
});
