/**
 * The preload runs sandboxed: it may import `electron` (contextBridge, ipcRenderer) and shared/,
 * nothing else (no Node built-ins exist here). It exposes the contract and nothing more: one function
 * per call of shared/api/contract.ts, never ipcRenderer itself, never "invoke any channel".
 */
import { contextBridge, ipcRenderer } from 'electron';
import { API_CHANNEL, METHOD_NAMES } from '../../shared/api/contract';

const api = Object.freeze(Object.fromEntries(METHOD_NAMES.map((m) => [m, (input: unknown) => ipcRenderer.invoke(API_CHANNEL, m, input)])));

contextBridge.exposeInMainWorld('api', api);
