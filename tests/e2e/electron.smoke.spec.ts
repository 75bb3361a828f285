/**
 * The desktop app itself, through Playwright's Electron driver. Runs wherever an Electron binary is
 * installed; on machines where it cannot be downloaded (our CI) it is skipped, with the reason.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { ROOT } from './support/host';
import { electronBinary } from './support/electronBinary';

const binary = electronBinary();

test('the desktop window opens with the Chinese navigation and a secure renderer', async () => {
  test.skip(!binary, 'no Electron binary on this machine (its download is not possible here); the same renderer is tested in Chromium through the HTTP host');
  const userData = mkdtempSync(join(tmpdir(), 'ltc-electron-'));
  const app = await electron.launch({ executablePath: binary ?? undefined, args: [ROOT, `--user-data-dir=${userData}`], cwd: ROOT });
  try {
    const win = await app.firstWindow();
    await expect(win.getByRole('navigation', { name: '主导航' })).toBeVisible();
    await expect(win.getByText('欢迎使用长护助手')).toBeVisible();
    // contextIsolation + sandbox: the page has the contract, and no Node.
    expect(await win.evaluate(() => typeof (globalThis as unknown as { require?: unknown }).require)).toBe('undefined');
    expect(await win.evaluate(() => typeof (globalThis as unknown as { api?: Record<string, unknown> }).api?.['app.info'])).toBe('function');
  } finally {
    await app.close();
  }
});
