/**
 * The built preload (out/preload/index.js), loaded the way Electron loads it into a sandboxed window:
 * a fresh V8 context, the file wrapped in a function whose `require` knows `electron` only (a sandboxed
 * preload has no Node built-ins and cannot load npm packages), with a stand-in `contextBridge` and
 * `ipcRenderer` that record what the preload does. If the built file needs anything else (zod, say,
 * through shared/api/contract.ts), it throws here as it would in the window, where `window.api` would
 * then never exist and every screen would say "未连接到长护助手服务".
 * Needs `npm run build` first (npm test does it).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { API_CHANNEL, contract, METHOD_NAMES } from '../../../shared/api/contract';

const BUILT_PRELOAD = path.resolve(__dirname, '../../../out/preload/index.js');

interface Loaded {
  exposed: Map<string, unknown>;
  invoked: unknown[][];
  required: string[];
}

/** Runs the built preload in a sandbox-like context; throws what the preload throws. */
function loadSandboxedPreload(): Loaded {
  if (!existsSync(BUILT_PRELOAD)) throw new Error('out/preload/index.js is missing: run `npm run build` before these tests');
  const exposed = new Map<string, unknown>();
  const invoked: unknown[][] = [];
  const required: string[] = [];
  const electron = {
    contextBridge: {
      exposeInMainWorld: (key: string, value: unknown) => {
        exposed.set(key, value);
      },
    },
    ipcRenderer: {
      // the main process answers with UTF-8 JSON (electron/services/api/wire.ts)
      invoke: (...args: unknown[]) => {
        invoked.push(args);
        return Promise.resolve(new TextEncoder().encode(JSON.stringify({ ok: true, value: { method: args[1] } })));
      },
    },
  };
  const sandboxRequire = (id: string): unknown => {
    required.push(id);
    if (id === 'electron') return electron;
    throw new Error(`Error: module not found: ${id}`);
  };
  // Electron wraps a sandboxed preload in a function of these arguments and runs it in the renderer's
  // isolated world: a context of its own, with the page's web APIs (TextDecoder) and none of Node's.
  const context = vm.createContext({ TextDecoder });
  const wrapper = vm.runInContext(`(function (exports, require, module, __filename, __dirname) {${readFileSync(BUILT_PRELOAD, 'utf8')}\n})`, context, {
    filename: BUILT_PRELOAD,
  }) as (exports: object, require: (id: string) => unknown, module: { exports: object }, filename: string, dirname: string) => void;
  const module = { exports: {} };
  wrapper(module.exports, sandboxRequire, module, BUILT_PRELOAD, path.dirname(BUILT_PRELOAD));
  return { exposed, invoked, required };
}

describe('the sandboxed preload', () => {
  it('loads with a require that knows only electron, and exposes window.api', () => {
    const { exposed, required } = loadSandboxedPreload();
    expect(required).toEqual(['electron']);
    expect([...exposed.keys()]).toEqual(['api']);
  });

  it('exposes one function per call of the contract, and nothing else', () => {
    const api = loadSandboxedPreload().exposed.get('api') as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual(Object.keys(contract).sort());
    for (const name of Object.keys(contract)) expect(typeof api[name], name).toBe('function');
    // frozen: the page cannot add a call of its own to the bridge object
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('sends a call on the one channel, with the method name and the input, and parses the answer', async () => {
    const { exposed, invoked } = loadSandboxedPreload();
    const api = exposed.get('api') as Record<string, (input: unknown) => Promise<unknown>>;
    expect(await api['claims.month']?.({ month: '2026-10' })).toEqual({ ok: true, value: { method: 'claims.month' } });
    await api['app.info']?.(undefined);
    expect(invoked).toEqual([
      [API_CHANNEL, 'claims.month', { month: '2026-10' }],
      [API_CHANNEL, 'app.info', undefined],
    ]);
  });
});

describe('the zod-free list of names', () => {
  it('names every call of the contract once, and no other', () => {
    expect(new Set(METHOD_NAMES).size).toBe(METHOD_NAMES.length);
    expect([...METHOD_NAMES].sort()).toEqual(Object.keys(contract).sort());
  });
});
