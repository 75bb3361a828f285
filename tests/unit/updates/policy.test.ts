/** The update policy (pure): when to check, what a restart waits for, what may happen in each phase. */
import { describe, expect, it } from 'vitest';
import {
  checkDue,
  checkRefusal,
  DAY_MS,
  downloadRefusal,
  installRefusal,
  restartWaitsFor,
  RETRY_AFTER_ERROR_MS,
  UPDATER_FLAGS,
} from '../../../electron/services/updates/policy';

describe('update policy', () => {
  it('never downloads by itself, installs on the next quit, never steps back a version', () => {
    expect(UPDATER_FLAGS).toMatchObject({ autoDownload: false, autoInstallOnAppQuit: true, allowDowngrade: false });
  });

  it('a restart waits for a submission, a supplementary submission and an import, and says which', () => {
    expect(restartWaitsFor(['submit'])).toBe('正在申报，完成后才能重启更新');
    expect(restartWaitsFor(['supplement'])).toBe('正在补报，完成后才能重启更新');
    expect(restartWaitsFor(['import'])).toBe('正在导入，完成后才能重启更新');
    expect(restartWaitsFor(['import', 'submit'])).toBe('正在申报，完成后才能重启更新');
    expect(restartWaitsFor([])).toBeNull();
    // 校验 only reads: it is simply done again after the restart
    expect(restartWaitsFor(['verify'])).toBeNull();
  });

  it('installs only a downloaded version, and only when nothing holds the restart', () => {
    expect(installRefusal('downloaded', [])).toBeNull();
    expect(installRefusal('downloaded', ['submit'])).toBe('正在申报，完成后才能重启更新');
    for (const phase of ['available', 'downloading', 'error', 'upToDate', 'off'] as const)
      expect(installRefusal(phase, []), phase).toMatch(/还没有下载好的新版本/);
  });

  it('checks at start and daily, an hour after a failed check, never while off, downloading or downloaded', () => {
    const t = Date.UTC(2026, 11, 2, 0, 0, 0);
    const s = { feedUrl: 'http://192.168.1.10/ltc/', phase: 'idle' as const, lastCheckEndedAt: null, lastCheckFailed: false };
    expect(checkDue(s, t)).toBe(true);
    const checked = { ...s, phase: 'upToDate' as const, lastCheckEndedAt: t };
    expect(checkDue(checked, t + DAY_MS - 1)).toBe(false);
    expect(checkDue(checked, t + DAY_MS)).toBe(true);
    const failed = { ...s, phase: 'error' as const, lastCheckEndedAt: t, lastCheckFailed: true };
    expect(checkDue(failed, t + RETRY_AFTER_ERROR_MS - 1)).toBe(false);
    expect(checkDue(failed, t + RETRY_AFTER_ERROR_MS)).toBe(true);
    expect(checkDue({ ...s, feedUrl: '' }, t)).toBe(false);
    for (const phase of ['checking', 'downloading', 'downloaded', 'unavailable'] as const) expect(checkDue({ ...s, phase }, t), phase).toBe(false);
  });

  it('downloads only what was offered, and refuses a check or a download in Chinese where there is nothing to do', () => {
    expect(downloadRefusal('available', true)).toBeNull();
    expect(downloadRefusal('error', true)).toBeNull();
    expect(downloadRefusal('upToDate', false)).toBe('没有可下载的新版本，请先检查更新。');
    expect(checkRefusal('idle', '')).toBe('还没有设置更新服务器地址，请先填写并保存。');
    expect(checkRefusal('downloading', 'http://x/')).toMatch(/正在下载/);
    expect(checkRefusal('upToDate', 'http://x/')).toBeNull();
  });
});
