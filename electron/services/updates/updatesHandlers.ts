/**
 * 更新 calls: the status (the updater's, with the saved feed, the version and what a restart waits for)
 * and the user's actions, each refused in Chinese where the policy says no. Where the shell gives no
 * updater (the browser preview) the status says so and the feed can still be saved: it is the
 * database's setting, which the desktop app reads.
 */
import type { updatesApi, UpdateStatus } from '../../../shared/api/updates';
import type { ServiceContext } from '../api/context';
import type { HandlersOf } from '../api/handlers';
import { InputError, ServiceError } from '../errors';
import { runningWorkKinds } from '../jobs/jobs';
import type { UpdaterControl } from './control';
import { readFeedUrl, saveFeedUrl } from './feedSetting';
import { checkRefusal, downloadRefusal, feedChangeRefusal, installRefusal, restartWaitsFor } from './policy';

export const BROWSER_PREVIEW_REASON = '浏览器预览不支持自动更新：请在桌面程序中检查和安装更新。';

export function updateStatus(ctx: ServiceContext): UpdateStatus {
  const snapshot = ctx.updater?.snapshot() ?? {
    phase: 'unavailable' as const,
    unavailableReason: BROWSER_PREVIEW_REASON,
    offered: null,
    progress: null,
    lastCheckedAt: null,
    error: null,
  };
  return { ...snapshot, currentVersion: ctx.appVersion, feedUrl: readFeedUrl(ctx.db), restartWaitsFor: restartWaitsFor(runningWorkKinds()) };
}

function updaterOf(ctx: ServiceContext): UpdaterControl {
  if (!ctx.updater) throw new InputError(BROWSER_PREVIEW_REASON);
  return ctx.updater;
}

export const updatesHandlers: HandlersOf<typeof updatesApi> = {
  'updates.status': (_i, ctx) => updateStatus(ctx),
  'updates.setFeed': (i, ctx) => {
    const refusal = ctx.updater ? feedChangeRefusal(ctx.updater.snapshot().phase) : null;
    if (refusal) throw new ServiceError('CONFLICT', refusal);
    const url = saveFeedUrl(ctx.db, i.url, ctx.actor);
    ctx.updater?.setFeed(url);
    return updateStatus(ctx);
  },
  'updates.check': async (_i, ctx) => {
    const updater = updaterOf(ctx);
    const refusal = checkRefusal(updater.snapshot().phase, readFeedUrl(ctx.db));
    if (refusal) throw new ServiceError('CONFLICT', refusal);
    await updater.check();
    return updateStatus(ctx);
  },
  'updates.download': (_i, ctx) => {
    const updater = updaterOf(ctx);
    const s = updater.snapshot();
    const refusal = downloadRefusal(s.phase, s.offered !== null);
    if (refusal) throw new ServiceError('CONFLICT', refusal);
    // Runs on; the screen polls updates.status for the progress and the outcome.
    void updater.download();
    return updateStatus(ctx);
  },
  'updates.install': (_i, ctx) => {
    const updater = updaterOf(ctx);
    const refusal = installRefusal(updater.snapshot().phase, runningWorkKinds());
    if (refusal) throw new ServiceError('CONFLICT', refusal);
    updater.install();
    return { restarting: true as const };
  },
};
