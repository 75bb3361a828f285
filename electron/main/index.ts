/**
 * The Electron main process: one window, a Chinese menu, and the IPC wiring. Thin on purpose: the work
 * lives in electron/services, shared with the `ltc` command line.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, ipcMain, Menu, session, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { APP_INFO_CHANNEL, type AppInfo } from '../../shared/api/appInfo';
import { buildMenuTemplate } from './menu';
import { CONTENT_SECURITY_POLICY, isAppUrl, secureWebPreferences } from './security';

// electron-vite sets ELECTRON_RENDERER_URL for `electron-vite dev` only. A packaged app ignores it, so
// nobody can point the installed app (and its preload) at another page through the environment.
const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];
const rendererHtml = join(__dirname, '../renderer/index.html');
const appUrl = devServerUrl ?? pathToFileURL(rendererHtml).href;

let mainWindow: BrowserWindow | null = null;

function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    title: '长护助手',
    show: false,
    webPreferences: secureWebPreferences(join(__dirname, '../preload/index.js')),
  });
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    mainWindow = null;
  });
  if (devServerUrl) void win.loadURL(devServerUrl);
  else void win.loadFile(rendererHtml);
  return win;
}

function focusMainWindow(): void {
  if (!mainWindow) {
    mainWindow = createMainWindow();
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

/** Every web contents (the window, and anything it might try to open) gets the same guards. */
function guardWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url, appUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url, appUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Only our own page may call the services; a frame from anywhere else gets an error. */
function assertTrustedSender(event: IpcMainInvokeEvent): void {
  const url = event.senderFrame?.url ?? '';
  if (!isAppUrl(url, appUrl)) throw new Error(`IPC from an untrusted frame refused: ${url}`);
}

function registerIpc(): void {
  ipcMain.handle(APP_INFO_CHANNEL, (event): AppInfo => {
    assertTrustedSender(event);
    return { name: app.getName(), version: app.getVersion() };
  });
}

function applySessionPolicy(): void {
  // The renderer's <meta> carries the same policy; the header also covers responses the meta cannot
  // (and is what Electron's security checklist asks for). Not in dev: Vite's dev server needs an inline
  // script for React Fast Refresh.
  if (!devServerUrl) {
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({
        responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
      });
    });
  }
  // No camera, microphone, notifications, geolocation…: the app needs none of them.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
}

if (!app.requestSingleInstanceLock()) {
  // Two instances would mean two writers on one database: hand over to the running one.
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow();
  });

  void app.whenReady().then(() => {
    applySessionPolicy();
    registerIpc();
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate({ productName: app.getName(), isMac: process.platform === 'darwin', isDev: !app.isPackaged }),
      ),
    );
    mainWindow = createMainWindow();
  });
}
