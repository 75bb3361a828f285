/**
 * When the desktop app checks, downloads and installs updates: pure rules, no I/O, so each is a unit test.
 * - It checks at start and then daily (an hourly timer asks `checkDue`; a failed check is tried again
 *   after an hour rather than a day, since a LAN server that was off at 8:00 is often on by 9:00).
 * - It never downloads on its own: the user sees 新版本 x.y.z and its notes and chooses 下载.
 * - A downloaded version installs on the next quit, or on 立即重启并安装, which waits while a submission
 *   (申报, 补报) or an import runs: a restart would cut it short. Nothing ever restarts the program on
 *   its own (docs/decisions.md D19: no automatic quitAndInstall).
 */
import type { UpdatePhase } from '../../../shared/api/updates';

export const DAY_MS = 24 * 60 * 60 * 1000;
export const RETRY_AFTER_ERROR_MS = 60 * 60 * 1000;
/** How often the desktop app's timer asks whether a check is due. */
export const TICK_MS = 60 * 60 * 1000;

/** electron-updater's switches, as this policy sets them, each with its reason. */
export const UPDATER_FLAGS = {
  // ask first: an institution's PC may be on a slow or metered line, and the user decides when
  autoDownload: false,
  // a downloaded version installs when the user quits the program anyway
  autoInstallOnAppQuit: true,
  // the institution's server offers one version; never step back to an older one it might still hold
  allowDowngrade: false,
  // we publish full NSIS installers, never web installers (whose package would be fetched unverified)
  disableWebInstaller: true,
  // the feed is on the local network, where a full download is quick; a differential one needs the old
  // version's blockmap on the same server, which an institution's server rarely keeps: one failure mode less
  disableDifferentialDownload: true,
} as const;

/**
 * Work a restart must not cut short, by job kind (jobs.ts): what the restart button says while it runs.
 * Other work (校验, a report) is only read and is simply done again after the restart.
 */
export const RESTART_WAITS_FOR: Readonly<Record<string, string>> = {
  submit: '正在申报，完成后才能重启更新',
  supplement: '正在补报，完成后才能重启更新',
  import: '正在导入，完成后才能重启更新',
};

/** Why 立即重启并安装 must wait while `runningKinds` run; null when nothing holds it. */
export function restartWaitsFor(runningKinds: readonly string[]): string | null {
  for (const kind of Object.keys(RESTART_WAITS_FOR)) if (runningKinds.includes(kind)) return RESTART_WAITS_FOR[kind] ?? null;
  return null;
}

/** Why the update cannot be installed now; null when it can. */
export function installRefusal(phase: UpdatePhase, runningKinds: readonly string[]): string | null {
  if (phase !== 'downloaded') return '还没有下载好的新版本，请先检查更新并下载。';
  return restartWaitsFor(runningKinds);
}

/** Why a check cannot start now; null when it can. */
export function checkRefusal(phase: UpdatePhase, feedUrl: string): string | null {
  if (phase === 'unavailable') return null; // the status says why; the call changes nothing
  if (feedUrl === '') return '还没有设置更新服务器地址，请先填写并保存。';
  if (phase === 'downloading') return '正在下载新版本，下载完成后再检查。';
  if (phase === 'downloaded') return '新版本已下载好，重启后即安装，无需再检查。';
  return null;
}

/** Why a download cannot start now; null when it can. */
export function downloadRefusal(phase: UpdatePhase, hasOffer: boolean): string | null {
  if (phase === 'downloading' || phase === 'downloaded') return null; // already under way or done: nothing to do
  if ((phase === 'available' || phase === 'error') && hasOffer) return null;
  return '没有可下载的新版本，请先检查更新。';
}

/** Why the feed cannot be changed now; null when it can. */
export function feedChangeRefusal(phase: UpdatePhase): string | null {
  return phase === 'downloading' ? '正在下载新版本，下载完成后再修改更新服务器地址。' : null;
}

export interface CheckState {
  feedUrl: string;
  phase: UpdatePhase;
  /** when the last check ended (ms since epoch), null before the first */
  lastCheckEndedAt: number | null;
  lastCheckFailed: boolean;
}

/** Whether the timer (and the start) should check now. */
export function checkDue(s: CheckState, now: number): boolean {
  if (s.feedUrl === '') return false;
  if (s.phase === 'unavailable' || s.phase === 'checking' || s.phase === 'downloading' || s.phase === 'downloaded') return false;
  if (s.lastCheckEndedAt === null) return true;
  return now - s.lastCheckEndedAt >= (s.lastCheckFailed ? RETRY_AFTER_ERROR_MS : DAY_MS);
}
