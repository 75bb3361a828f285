/**
 * The preload runs sandboxed: its built file may `require` only `electron` (no Node built-ins, no npm
 * packages: a sandboxed preload's `require` knows nothing else). So it imports the zod-free list of names
 * (shared/api/methodNames.ts), never contract.ts, whose schemas need zod; tests/unit/shell/preload.test.ts
 * loads the built file the way the sandbox does. It exposes the contract and nothing more: one function
 * per call of shared/api/contract.ts, never ipcRenderer itself, never "invoke any channel".
 */
import { contextBridge, ipcRenderer } from 'electron';
import { API_CHANNEL, METHOD_NAMES } from '../../shared/api/methodNames';

const api = Object.freeze(Object.fromEntries(METHOD_NAMES.map((m) => [m, (input: unknown) => ipcRenderer.invoke(API_CHANNEL, m, input)])));

contextBridge.exposeInMainWorld('api', api);
