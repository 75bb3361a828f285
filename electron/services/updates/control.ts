/**
 * What the services may ask of the program's updater. The Electron main process gives the real one
 * (updaterService.ts around electron-updater); the browser preview gives none; the e2e host may give a
 * stub (stubUpdater.ts). The handlers (updatesHandlers.ts) apply the policy before calling it.
 */
import type { UpdateStatus } from '../../../shared/api/updates';

/** The updater's own part of the status; the handlers add the version, the feed and what a restart waits for. */
export type UpdaterSnapshot = Pick<UpdateStatus, 'phase' | 'unavailableReason' | 'offered' | 'progress' | 'lastCheckedAt' | 'error'>;

export interface UpdaterControl {
  snapshot(): UpdaterSnapshot;
  /** the feed to use from now on; '' turns checking off */
  setFeed(url: string): void;
  /** asks the feed; resolves when the check has ended (never rejects: the outcome is in the snapshot) */
  check(): Promise<void>;
  /** downloads the offered version; resolves when the download has ended (never rejects) */
  download(): Promise<void>;
  /** quits the program and runs the installer; the caller has made sure that nothing holds it */
  install(): void;
}

/** An updater that says why there is none here (a program run from its sources, an unsupported installation). */
export function unavailableUpdater(reason: string): UpdaterControl {
  const snapshot: UpdaterSnapshot = { phase: 'unavailable', unavailableReason: reason, offered: null, progress: null, lastCheckedAt: null, error: null };
  return {
    snapshot: () => snapshot,
    setFeed: () => undefined,
    check: () => Promise.resolve(),
    download: () => Promise.resolve(),
    install: () => undefined,
  };
}
