/**
 * The program's updater: electron-updater (an NsisUpdater on Windows, an AppImageUpdater on Linux) held
 * to the policy (policy.ts), with its state kept as a snapshot the screen can poll. Plain Node: the
 * desktop app builds it around Electron's app, the unit tests around a fake app adapter and a feed on
 * 127.0.0.1. Never import `autoUpdater` (reading it builds an updater for the running platform, which
 * needs Electron): import the updater classes from their own modules.
 */
import type { ProgressInfo, UpdateInfo } from 'builder-util-runtime';
import type { AppUpdater } from 'electron-updater/out/AppUpdater';
import type { OfferedUpdate, UpdatePhase, UpdateStatus } from '../../../shared/api/updates';
import { localTimestamp } from '../db/clock';
import { ServiceError } from '../errors';
import { runningWorkKinds } from '../jobs/jobs';
import type { UpdaterControl, UpdaterSnapshot } from './control';
import { releaseNotesText, updateErrorMessage } from './messages';
import { checkDue, installRefusal, UPDATER_FLAGS } from './policy';

export interface UpdaterServiceOptions {
  /** the saved 更新服务器地址 ('' = off) */
  feedUrl: string;
  now?: () => Date;
}

/** The part of electron-updater's updater we use (BaseUpdater: NsisUpdater, AppImageUpdater…). */
export type Updater = Pick<AppUpdater, 'setFeedURL' | 'checkForUpdates' | 'downloadUpdate' | 'quitAndInstall' | 'on'> & {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowDowngrade: boolean;
  disableWebInstaller: boolean;
  disableDifferentialDownload: boolean;
};

const offerOf = (info: UpdateInfo): OfferedUpdate => ({
  version: info.version,
  releaseNotes: releaseNotesText(info.releaseNotes),
  releaseDate: info.releaseDate || null,
});

export class UpdaterService implements UpdaterControl {
  private phase: UpdatePhase = 'off';
  private offered: OfferedUpdate | null = null;
  private progress: UpdateStatus['progress'] = null;
  private error: string | null = null;
  private feedUrl = '';
  private lastCheckEndedAt: Date | null = null;
  private lastCheckFailed = false;
  private checking: Promise<void> | null = null;
  private downloading: Promise<void> | null = null;
  /** bumped when the feed changes, so a check of the old feed that ends later is not taken as the new one's */
  private feedGeneration = 0;
  private readonly now: () => Date;

  constructor(
    private readonly updater: Updater,
    opts: UpdaterServiceOptions,
  ) {
    this.now = opts.now ?? (() => new Date());
    Object.assign(updater, UPDATER_FLAGS);
    updater.on('download-progress', (p: ProgressInfo) => {
      if (this.phase === 'downloading') this.progress = { percent: Math.floor(p.percent), transferredBytes: p.transferred, totalBytes: p.total };
    });
    this.setFeed(opts.feedUrl);
  }

  snapshot(): UpdaterSnapshot {
    return {
      phase: this.phase,
      unavailableReason: null,
      offered: this.offered,
      progress: this.progress,
      lastCheckedAt: this.lastCheckEndedAt ? localTimestamp(this.lastCheckEndedAt) : null,
      error: this.error,
    };
  }

  setFeed(url: string): void {
    // The same address saved again: the offer and the last check stand.
    if (url === this.feedUrl && this.phase !== 'off') return;
    this.feedUrl = url;
    this.feedGeneration += 1;
    // A version being downloaded or already downloaded stays: it came from a feed the user trusted then.
    const keep = this.phase === 'downloading' || this.phase === 'downloaded';
    if (url !== '') this.updater.setFeedURL({ provider: 'generic', url });
    if (keep) return;
    this.phase = url === '' ? 'off' : 'idle';
    this.offered = null;
    this.error = null;
    this.lastCheckEndedAt = null;
    this.lastCheckFailed = false;
  }

  /** Called at start and by the desktop app's hourly timer: checks when the policy says one is due. */
  checkIfDue(): boolean {
    const due = checkDue(
      { feedUrl: this.feedUrl, phase: this.phase, lastCheckEndedAt: this.lastCheckEndedAt?.getTime() ?? null, lastCheckFailed: this.lastCheckFailed },
      this.now().getTime(),
    );
    if (due) void this.check();
    return due;
  }

  check(): Promise<void> {
    if (this.feedUrl === '' || this.phase === 'downloading' || this.phase === 'downloaded') return Promise.resolve();
    this.checking ??= this.runCheck().finally(() => (this.checking = null));
    return this.checking;
  }

  private async runCheck(): Promise<void> {
    const generation = this.feedGeneration;
    this.phase = 'checking';
    this.error = null;
    let outcome: Pick<UpdaterSnapshot, 'phase' | 'offered' | 'error'>;
    try {
      const r = await this.updater.checkForUpdates();
      if (!r) outcome = { phase: 'error', offered: null, error: '此程序不是安装版，不能自动更新。' };
      else if (r.isUpdateAvailable) outcome = { phase: 'available', offered: offerOf(r.updateInfo), error: null };
      else outcome = { phase: 'upToDate', offered: null, error: null };
    } catch (e) {
      outcome = { phase: 'error', offered: null, error: updateErrorMessage(e, 'check') };
    }
    if (generation !== this.feedGeneration) return; // the feed changed meanwhile: setFeed has set the state
    this.phase = outcome.phase;
    this.offered = outcome.offered;
    this.error = outcome.error;
    this.lastCheckEndedAt = this.now();
    this.lastCheckFailed = outcome.phase === 'error';
  }

  download(): Promise<void> {
    if (this.downloading) return this.downloading;
    if (!this.offered || (this.phase !== 'available' && this.phase !== 'error')) return Promise.resolve();
    this.phase = 'downloading';
    this.error = null;
    this.progress = { percent: 0, transferredBytes: 0, totalBytes: 0 };
    this.downloading = this.updater
      .downloadUpdate()
      .then(
        () => {
          this.phase = 'downloaded';
        },
        (e: unknown) => {
          // electron-updater has removed the file: nothing is left to install, the offer stays to try again
          this.phase = 'error';
          this.error = updateErrorMessage(e, 'download');
        },
      )
      .finally(() => {
        this.progress = null;
        this.downloading = null;
      });
    return this.downloading;
  }

  install(): void {
    // The handler refuses first, with the same words; this guard keeps the rule whoever calls.
    const refusal = installRefusal(this.phase, runningWorkKinds());
    if (refusal) throw new ServiceError('CONFLICT', refusal);
    // Silent: the user has already said yes (立即重启并安装), so no installer wizard; force-run: the
    // program comes back by itself after installing.
    this.updater.quitAndInstall(true, true);
  }
}
