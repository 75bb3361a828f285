/**
 * 更新: the desktop app updates itself from the institution's update server (设置 › 系统与数据). It checks
 * at start and daily, offers a new version with its release notes, downloads it only when asked, and
 * installs it on the next quit or when the user restarts now, never while a submission or an import runs.
 */
import { z } from 'zod';
import { feedUrlProblem, FEED_URL_MAX_LENGTH, normalizeFeedUrl } from '../updates/feedUrl';
import { method, noInput } from './define';

export type UpdatePhase =
  /** this program cannot update itself here (browser preview, a program run from its sources); see `unavailableReason` */
  | 'unavailable'
  /** no 更新服务器地址 saved: updates are off */
  | 'off'
  /** not checked yet since the program started */
  | 'idle'
  | 'checking'
  /** the last check found no newer version */
  | 'upToDate'
  /** a newer version is offered: `offered` */
  | 'available'
  | 'downloading'
  /** downloaded and verified: installs on the next quit, or now on 立即重启并安装 */
  | 'downloaded'
  /** the last check or download failed: `error` (a failed download keeps `offered`, to try again) */
  | 'error';

export interface OfferedUpdate {
  version: string;
  /** plain text, as published with the version (may be empty) */
  releaseNotes: string;
  /** ISO date-time the version was published, when the server says */
  releaseDate: string | null;
}

export interface UpdateStatus {
  /** the running program's version */
  currentVersion: string;
  /** the saved 更新服务器地址; '' = updates off */
  feedUrl: string;
  phase: UpdatePhase;
  unavailableReason: string | null;
  offered: OfferedUpdate | null;
  /** while downloading */
  progress: { percent: number; transferredBytes: number; totalBytes: number } | null;
  /** local time of the last check that ended (`YYYY-MM-DDTHH:mm:ss…`), null before the first */
  lastCheckedAt: string | null;
  /** what went wrong last, in Chinese */
  error: string | null;
  /** why 立即重启并安装 must wait now (e.g. 正在申报，完成后才能重启更新); null when nothing holds it */
  restartWaitsFor: string | null;
}

/** '' (updates off) or an http(s) address; the message of a refusal says what is wrong, in Chinese. */
export const feedUrlInput = z
  .string()
  .max(FEED_URL_MAX_LENGTH + 100)
  .transform(normalizeFeedUrl)
  .superRefine((url, ctx) => {
    const problem = feedUrlProblem(url);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const updatesApi = {
  'updates.status': method(noInput).returns<UpdateStatus>(),
  /** Saves the 更新服务器地址 ('' turns updates off) and applies it at once. */
  'updates.setFeed': method(z.object({ url: feedUrlInput })).returns<UpdateStatus>(),
  /** Asks the update server now; resolves when the check has ended (its outcome is in the status). */
  'updates.check': method(noInput).returns<UpdateStatus>(),
  /** Starts downloading the offered version; the status shows the progress (poll `updates.status`). */
  'updates.download': method(noInput).returns<UpdateStatus>(),
  /** 立即重启并安装: quits and runs the installer. Refused while a submission or an import runs. */
  'updates.install': method(noInput).returns<{ restarting: true }>(),
};
