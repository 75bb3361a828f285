/**
 * The 更新 calls through the dispatcher, as the window and the browser preview make them, on a real
 * database with the real updater (feed.ts): the address is validated and kept, and 立即重启并安装 waits
 * while a submission (a real job) or an import runs.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { UpdateStatus } from '../../../shared/api/updates';
import type { ServiceContext } from '../../../electron/services/api/context';
import { createDispatcher } from '../../../electron/services/api/dispatch';
import { handlers } from '../../../electron/services/api/registry';
import { listAudit } from '../../../electron/services/audit/auditLog';
import { openDatabase } from '../../../electron/services/db/database';
import { startJob, whileHolding } from '../../../electron/services/jobs/jobs';
import { readFeedUrl } from '../../../electron/services/updates/feedSetting';
import { UpdaterService } from '../../../electron/services/updates/updaterService';
import { fakeApp, nsisUpdater, startFeed, tempDir } from './feed';

function desk(updater?: ServiceContext['updater']) {
  const db = openDatabase(join(tempDir(), 'ltc-desk.db'), { appVersion: '0.1.0' });
  const ctx: ServiceContext = { db, actor: '院长', shell: updater ? 'desktop' : 'browser', appVersion: '0.1.0', openFolder: () => false, updater };
  const dispatch = createDispatcher(handlers, ctx, () => undefined);
  return { db, call: (method: string, input?: unknown) => dispatch(method, input) };
}

const value = <T>(r: { ok: boolean; value?: unknown; error?: unknown }): T => {
  if (!r.ok) throw new Error(`call failed: ${JSON.stringify(r.error)}`);
  return r.value as T;
};

/** A job that runs until `end()` (a submission of a big month, say). */
function runningJob(kind: string): { end: () => Promise<void> } {
  let finish = () => undefined as void;
  const gate = new Promise<void>((resolve) => (finish = resolve));
  startJob(kind, () => gate);
  return { end: async () => void (finish(), await gate, await new Promise((r) => setImmediate(r))) };
}

describe('更新 calls', () => {
  it('refuses an address that is not http(s), keeps a LAN address, audits it and gives it to the updater', async () => {
    const app = fakeApp('0.1.0');
    const service = new UpdaterService(nsisUpdater(app).updater, { feedUrl: '' });
    const { db, call } = desk(service);
    expect(value<UpdateStatus>(await call('updates.status')).phase).toBe('off');

    for (const bad of ['ftp://192.168.1.10/ltc/', '不是网址', 'http://admin:secret@192.168.1.10/']) {
      const r = await call('updates.setFeed', { url: bad });
      expect(r, bad).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
      expect(JSON.stringify(r)).toContain('更新服务器地址');
    }
    expect(readFeedUrl(db)).toBe('');

    const saved = value<UpdateStatus>(await call('updates.setFeed', { url: ' http://192.168.1.10/ltc/ ' }));
    expect(saved).toMatchObject({ feedUrl: 'http://192.168.1.10/ltc/', phase: 'idle', currentVersion: '0.1.0' });
    expect(readFeedUrl(db)).toBe('http://192.168.1.10/ltc/');
    expect(listAudit(db, { entity: 'app-setting' })).toMatchObject([{ actor: '院长', after: { updateFeedUrl: 'http://192.168.1.10/ltc/' } }]);

    expect(value<UpdateStatus>(await call('updates.setFeed', { url: '' }))).toMatchObject({ feedUrl: '', phase: 'off' });
    db.close();
  });

  it('waits with 立即重启并安装 while a submission runs, and says why; installs once it has ended', async () => {
    const feed = await startFeed();
    feed.publish('0.2.0', { notes: '新版本说明' });
    const app = fakeApp('0.1.0');
    const { updater, installs } = nsisUpdater(app);
    const { db, call } = desk(new UpdaterService(updater, { feedUrl: '' }));
    value(await call('updates.setFeed', { url: feed.url }));
    expect(value<UpdateStatus>(await call('updates.check'))).toMatchObject({ phase: 'available', offered: { version: '0.2.0', releaseNotes: '新版本说明' } });
    expect(value<UpdateStatus>(await call('updates.download')).phase).toBe('downloading');
    while (value<UpdateStatus>(await call('updates.status')).phase === 'downloading') await new Promise((r) => setTimeout(r, 20));

    const submission = runningJob('submit');
    expect(value<UpdateStatus>(await call('updates.status'))).toMatchObject({ phase: 'downloaded', restartWaitsFor: '正在申报，完成后才能重启更新' });
    expect(await call('updates.install')).toEqual({ ok: false, error: { code: 'CONFLICT', message: '正在申报，完成后才能重启更新', problems: [] } });
    expect(installs).toEqual([]);

    await submission.end();
    expect(value<UpdateStatus>(await call('updates.status')).restartWaitsFor).toBeNull();
    expect(value(await call('updates.install'))).toEqual({ restarting: true });
    expect(installs).toEqual([[true, true]]);
    db.close();
  });

  it('waits while an import is being committed, and not for work that is only read', async () => {
    const feed = await startFeed();
    feed.publish('0.2.0');
    const app = fakeApp('0.1.0');
    const { updater, installs } = nsisUpdater(app);
    const service = new UpdaterService(updater, { feedUrl: feed.url });
    await service.check();
    await service.download();
    const { db, call } = desk(service);

    let release = () => undefined as void;
    const importing = whileHolding('import', () => new Promise<void>((r) => (release = r)));
    const verifying = runningJob('verify');
    expect(await call('updates.install')).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '正在导入，完成后才能重启更新' } });
    release();
    await importing;
    expect(value(await call('updates.install'))).toEqual({ restarting: true });
    expect(installs).toHaveLength(1);
    await verifying.end();
    db.close();
  });

  it('in the browser preview: says updates are not available there, and still keeps the address', async () => {
    const { db, call } = desk();
    expect(value<UpdateStatus>(await call('updates.status'))).toMatchObject({
      phase: 'unavailable',
      unavailableReason: expect.stringContaining('浏览器预览不支持自动更新'),
      restartWaitsFor: null,
    });
    expect(await call('updates.check')).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: expect.stringContaining('浏览器预览不支持自动更新') },
    });
    expect(value<UpdateStatus>(await call('updates.setFeed', { url: 'https://updates.example.cn/ltc' })).feedUrl).toBe('https://updates.example.cn/ltc');
    db.close();
  });
});
