/**
 * The updater service around the real electron-updater NsisUpdater, against a feed served on 127.0.0.1
 * (feed.ts): what is offered, what is downloaded, what a bad checksum leaves behind, and progress.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UpdaterService } from '../../../electron/services/updates/updaterService';
import { fakeApp, filesUnder, nsisUpdater, sha512, startFeed } from './feed';

async function serviceFor(version: string, feedUrl: string) {
  const app = fakeApp(version);
  const { updater, installs } = nsisUpdater(app);
  return { app, installs, service: new UpdaterService(updater, { feedUrl }) };
}

describe('the updater against an update server', () => {
  it('offers a newer version with its release notes, from the address saved in 设置, and downloads nothing by itself', async () => {
    const feed = await startFeed();
    feed.publish('0.2.0', { notes: '修复：补报时金额合计\n新增：自动更新' });
    const { app, service } = await serviceFor('0.1.0', feed.url);
    expect(service.snapshot().phase).toBe('idle');

    await service.check();
    expect(service.snapshot()).toMatchObject({
      phase: 'available',
      offered: { version: '0.2.0', releaseNotes: '修复：补报时金额合计\n新增：自动更新', releaseDate: '2026-12-01T08:00:00.000Z' },
      error: null,
    });
    expect(service.snapshot().lastCheckedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/);
    // asked our server (not app-update.yml's placeholder), and only for the version file
    expect(feed.requests).toEqual(['/ltc/latest.yml']);
    expect(filesUnder(app.cacheDir)).toEqual([]);
    // the same address saved again keeps the offer
    service.setFeed(feed.url);
    expect(service.snapshot().offered?.version).toBe('0.2.0');
  });

  it('does not offer the version it runs, nor an older one', async () => {
    const feed = await startFeed();
    feed.publish('0.2.0');
    for (const running of ['0.2.0', '0.3.0']) {
      const { service } = await serviceFor(running, feed.url);
      await service.check();
      expect(service.snapshot(), running).toMatchObject({ phase: 'upToDate', offered: null, error: null });
    }
  });

  it('downloads when asked, verified, arms the install on the next quit, and installs silently on 立即重启并安装', async () => {
    const feed = await startFeed();
    const published = feed.publish('0.2.0');
    const { app, installs, service } = await serviceFor('0.1.0', feed.url);
    await service.check();
    await service.download();
    expect(service.snapshot()).toMatchObject({ phase: 'downloaded', offered: { version: '0.2.0' }, progress: null, error: null });
    expect(filesUnder(app.cacheDir)).toContain(join('pending', published.file));
    expect(sha512(readFileSync(join(app.cacheDir, 'pending', published.file)))).toBe(published.sha512);
    // autoInstallOnAppQuit: electron-updater listens for the next quit
    expect(app.quitHandlers).toHaveLength(1);
    expect(installs).toEqual([]);

    service.install();
    expect(installs).toEqual([[true, true]]);
  });

  it('rejects a download whose sha512 does not match latest.yml: nothing kept, nothing installed, now or on quit', async () => {
    const feed = await startFeed();
    const published = feed.publish('0.2.0', { corrupt: true });
    const { app, installs, service } = await serviceFor('0.1.0', feed.url);
    await service.check();
    await service.download();
    const s = service.snapshot();
    expect(s.phase).toBe('error');
    expect(s.error).toContain('校验不符');
    // the offer stays, so the user can try again (重新下载)
    expect(s.offered?.version).toBe('0.2.0');
    expect(feed.requests).toContain(`/ltc/${published.file}`);
    expect(filesUnder(app.cacheDir).filter((f) => f.endsWith('.exe') || f.endsWith('update-info.json'))).toEqual([]);
    expect(app.quitHandlers).toEqual([]);
    expect(() => service.install()).toThrow('还没有下载好的新版本');
    expect(installs).toEqual([]);
  });

  it('reports progress while downloading', async () => {
    const feed = await startFeed({ slowMs: 2500 });
    feed.publish('0.2.0', { bytes: 512 * 1024 });
    const { service } = await serviceFor('0.1.0', feed.url);
    await service.check();
    const done = service.download();
    expect(service.snapshot().phase).toBe('downloading');
    const seen: number[] = [];
    while (service.snapshot().phase === 'downloading') {
      seen.push(service.snapshot().progress?.percent ?? -1);
      await new Promise((r) => setTimeout(r, 100));
    }
    await done;
    expect(service.snapshot().phase).toBe('downloaded');
    expect(seen.some((p) => p > 0 && p < 100)).toBe(true);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it('says in Chinese when the server cannot be reached or has no latest.yml', async () => {
    const unreachable = await serviceFor('0.1.0', 'http://127.0.0.1:9/ltc/');
    await unreachable.service.check();
    expect(unreachable.service.snapshot()).toMatchObject({ phase: 'error', error: '无法连接更新服务器，请检查网络和更新服务器地址，稍后再试。' });

    const empty = await startFeed();
    const { service } = await serviceFor('0.1.0', empty.url);
    await service.check();
    expect(service.snapshot().error).toBe('更新服务器上找不到版本信息（latest.yml），请检查更新服务器地址是否正确。');
  });

  it('checks at start and then not again until the day has passed; an empty address turns checking off', async () => {
    const feed = await startFeed();
    feed.publish('0.1.0');
    let now = new Date(2026, 11, 2, 8, 0, 0);
    const app = fakeApp('0.1.0');
    const service = new UpdaterService(nsisUpdater(app).updater, { feedUrl: feed.url, now: () => now });
    expect(service.checkIfDue()).toBe(true);
    await service.check(); // the one checkIfDue started
    expect(service.snapshot().phase).toBe('upToDate');
    now = new Date(2026, 11, 3, 7, 59, 0);
    expect(service.checkIfDue()).toBe(false);
    now = new Date(2026, 11, 3, 8, 0, 0);
    expect(service.checkIfDue()).toBe(true);
    await service.check();
    expect(feed.requests).toEqual(['/ltc/latest.yml', '/ltc/latest.yml']);

    service.setFeed('');
    expect(service.snapshot().phase).toBe('off');
    now = new Date(2026, 11, 9);
    expect(service.checkIfDue()).toBe(false);
    await service.check();
    expect(feed.requests).toHaveLength(2);
  });
});
