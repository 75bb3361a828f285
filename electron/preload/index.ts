/**
 * The preload runs sandboxed: it may import `electron` (contextBridge, ipcRenderer) and types from
 * shared/, nothing else (no Node built-ins exist here). It exposes the contract and nothing more:
 * never ipcRenderer itself, never a generic "invoke any channel".
 */
import { contextBridge, ipcRenderer } from 'electron';
import { APP_INFO_CHANNEL, type AppInfo, type DesktopApi } from '../../shared/api/appInfo';

const api: DesktopApi = {
  appInfo: () => ipcRenderer.invoke(APP_INFO_CHANNEL) as Promise<AppInfo>,
};

contextBridge.exposeInMainWorld('api', api);
