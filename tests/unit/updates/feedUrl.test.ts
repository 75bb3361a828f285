/** 更新服务器地址: http(s) only, said in Chinese, the same in the contract's schema and the shared check. */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { updatesApi } from '../../../shared/api/updates';
import { feedUrlProblem } from '../../../shared/updates/feedUrl';

const schema = updatesApi['updates.setFeed'].input;

describe('更新服务器地址', () => {
  it('accepts a LAN address over http or https, and empty (updates off)', () => {
    for (const url of ['http://192.168.1.10/ltc/', 'https://updates.example.cn/ltc', 'http://ltc-server:8080/', '']) {
      expect(feedUrlProblem(url), url).toBeNull();
      expect(schema.safeParse({ url }).success, url).toBe(true);
    }
    expect(schema.parse({ url: '  http://192.168.1.10/ltc/\n' })).toEqual({ url: 'http://192.168.1.10/ltc/' });
  });

  it('refuses ftp://, garbage and an address with a password, with a Chinese message', () => {
    expect(feedUrlProblem('ftp://192.168.1.10/ltc/')).toBe('更新服务器地址只支持 http:// 或 https://（不支持 ftp://），例如 http://192.168.1.10/ltc/');
    expect(feedUrlProblem('garbage')).toBe('更新服务器地址不是有效的网址，应以 http:// 或 https:// 开头，例如 http://192.168.1.10/ltc/');
    expect(feedUrlProblem('192.168.1.10/ltc')).toMatch(/不是有效的网址/);
    expect(feedUrlProblem('file:///C:/ltc/')).toMatch(/只支持 http/);
    expect(feedUrlProblem('http://admin:pw@192.168.1.10/')).toBe('更新服务器地址中不能包含用户名或密码');
    const r = schema.safeParse({ url: 'ftp://192.168.1.10/ltc/' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/^更新服务器地址只支持 http/);
  });
});

describe('electron-updater in plain Node', () => {
  it('our HTTP executor extends the builder-util-runtime that electron-updater itself loads (electron-builder brings another)', () => {
    const ours = createRequire(import.meta.url).resolve('builder-util-runtime');
    const updaters = createRequire(createRequire(import.meta.url).resolve('electron-updater')).resolve('builder-util-runtime');
    expect(ours).toBe(updaters);
  });
});
