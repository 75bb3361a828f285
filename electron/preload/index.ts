/**
 * The preload runs sandboxed: its built file may `require` only `electron` (no Node built-ins, no npm
 * packages: a sandboxed preload's `require` knows nothing else). So it imports the zod-free list of names
 * (shared/api/methodNames.ts), never contract.ts, whose schemas need zod; tests/unit/shell/preload.test.ts
 * loads the built file the way the sandbox does. It exposes the contract and nothing more: one function
 * per call of shared/api/contract.ts, never ipcRenderer itself, never "invoke any channel".
 */
import { contextBridge, ipcRenderer } from 'electron';
import { API_CHANNEL, METHOD_NAMES } from '../../shared/api/methodNames';

// The main process answers with UTF-8 JSON, the same bytes the browser preview gets over HTTP
// (electron/services/api/wire.ts): decoded here, in the window's process, not on the thread serving it.
const utf8 = new TextDecoder();
const call = (m: string) => (input: unknown) =>
  ipcRenderer.invoke(API_CHANNEL, m, input).then((bytes: Uint8Array) => JSON.parse(utf8.decode(bytes)) as unknown);

const api = Object.freeze(Object.fromEntries(METHOD_NAMES.map((m) => [m, call(m)])));

contextBridge.exposeInMainWorld('api', api);
