/**
 * The desktop app's updater: electron-updater around Electron's own app, held to the policy by
 * UpdaterService (electron/services/updates), with the 更新服务器地址 saved in the database. It checks at
 * start, then an hourly timer asks whether the daily check is due (a PC left on for days still checks
 * daily). Downloading and installing are the user's choice, through the contract's `updates.*` calls.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { app } from 'electron';
import { AppImageUpdater } from 'electron-updater/out/AppImageUpdater';
import { NsisUpdater } from 'electron-updater/out/NsisUpdater';
import type { LtcDatabase } from '../services/db/database';
import { unavailableUpdater, type UpdaterControl } from '../services/updates/control';
import { readFeedUrl } from '../services/updates/feedSetting';
import { TICK_MS } from '../services/updates/policy';
import { UpdaterService } from '../services/updates/updaterService';

/** Why this program cannot update itself here; null when it can. */
function unsupportedReason(): string | null {
  if (!app.isPackaged) return '从源代码运行的程序不自动更新（安装版才会）。';
  // The NSIS installer on Windows; on Linux only an AppImage can replace itself (a .deb needs the system's tools).
  if (process.platform !== 'win32' && !(process.platform === 'linux' && process.env['APPIMAGE'])) {
    return '此安装方式不支持自动更新，请用新版本的安装包升级。';
  }
  // electron-builder writes it from the `publish` entry (generic provider): electron-updater reads its cache
  // folder name and signer from it. The address in it is replaced by the one saved in 设置.
  if (!existsSync(join(process.resourcesPath, 'app-update.yml'))) return '安装包缺少更新配置（app-update.yml），不能自动更新，请联系供应商。';
  return null;
}

export function startUpdater(db: LtcDatabase): UpdaterControl {
  const reason = unsupportedReason();
  if (reason) return unavailableUpdater(reason);
  // No arguments: electron-updater's adapter of Electron's app, and its HTTP over Electron's net.
  const updater = process.platform === 'win32' ? new NsisUpdater() : new AppImageUpdater();
  const service = new UpdaterService(updater, { feedUrl: readFeedUrl(db) });
  service.checkIfDue();
  const timer = setInterval(() => service.checkIfDue(), TICK_MS);
  app.once('will-quit', () => clearInterval(timer));
  return service;
}
