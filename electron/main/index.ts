/**
 * The Electron main process: one window, a Chinese menu, and the IPC wiring. Thin on purpose: the work
 * lives in electron/services, shared with the `ltc` command line.
 */
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, safeStorage, session, shell, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { API_CHANNEL } from '../../shared/api/contract';
import { createDispatcher, type Dispatch } from '../services/api/dispatch';
import { handlers } from '../services/api/registry';
import { memorySlot, SessionStore } from '../services/auth/sessions';
import { encodeResult } from '../services/api/wire';
import { appPaths } from '../services/app/appPaths';
import { ensureDailyBackup } from '../services/backups/backupFolder';
import { fileEncryption, type DatabaseKey } from '../services/db/cipherKey';
import type { LtcDatabase } from '../services/db/database';
import { dropSidecar, keepKeyForEncryption, keyFromVault, newKeyInVault, unlockWithRecoveryCode, wrapUnderRecoveryCode } from '../services/db/keyVault';
import { createRecoveringDispatch, type NormalDispatch } from '../services/recovery/safeMode';
import type { UpdaterControl } from '../services/updates/control';
import { missingFailure, openOrSafeMode } from '../services/recovery/startup';
import { buildMenuTemplate } from './menu';
import { CONTENT_SECURITY_POLICY, isAppUrl, secureWebPreferences } from './security';
import { startUpdater } from './updater';
import { mayOpenFile, mayOpenFolder } from '../services/app/openGuard';

// electron-vite sets ELECTRON_RENDERER_URL for `electron-vite dev` only. A packaged app ignores it, so
// nobody can point the installed app (and its preload) at another page through the environment.
const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];
const paths = appPaths();
const rendererHtml = join(paths.rendererDir, 'index.html');
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
    webPreferences: secureWebPreferences(paths.preloadFile),
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

/** The database lives in the user data folder (shown in 设置, with a button to open the folder). */
const appDatabaseFile = (): string => join(app.getPath('userData'), 'ltc-desk.db');

/**
 * The database's key (decisions.md D37), kept by the OS in `<db>.key.json` beside it (services/db/keyVault.ts).
 * A first start (no file, and nothing says one was there) makes a new key: new databases are encrypted. null
 * for a plain database, or when the OS cannot open the key (another PC, a reinstalled Windows): an encrypted
 * file then starts in safe mode, which asks for the first administrator's recovery code (recovery.unlock).
 */
function databaseKey(file: string): DatabaseKey | null {
  try {
    const kept = keyFromVault(file, safeStorage);
    if (kept.key || kept.needsRecoveryCode) return kept.key;
    if (fileEncryption(file) === 'new' && !missingFailure(file)) return newKeyInVault(file, safeStorage);
  } catch (e) {
    console.error('database key', e);
  }
  return null;
}

// The window logs in like the browser preview (decisions.md D35): its session lives here, in the main process,
// and outlasts a database opened again (加密数据库, a restore in safe mode): the same file, the same users.
const sessions = new SessionStore();
// one updater for the program's life, however often the database is opened again
let updater: UpdaterControl | null = null;
let openDb: LtcDatabase | null = null;
app.on('will-quit', () => openDb?.close());

/** The contract for an open database: what the services need from the desktop shell. */
const normalDispatch: NormalDispatch = (db, encryption): Dispatch => {
  openDb = db;
  // Once a day, on the first start: a verified copy beside the database (a failure is logged, not fatal:
  // the user can still work and back up by hand from 系统与数据).
  ensureDailyBackup(db).catch((e: unknown) => console.error('daily backup failed', e));
  updater ??= startUpdater(db);
  return createDispatcher(handlers, {
    db,
    actor: userInfo().username,
    sessions,
    shell: 'desktop',
    appVersion: app.getVersion(),
    // Only what the app wrote or a real folder reaches the system's opener (services/app/openGuard.ts).
    openFolder: (path) => {
      if (!mayOpenFolder(path)) return false;
      void shell.openPath(path);
      return true;
    },
    // shell.openPath resolves to '' on success, else the error text.
    openFile: async (path) => mayOpenFile(path) && (await shell.openPath(path)) === '',
    chooseFolder: async (title) => {
      const options = { title, properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[] };
      const r = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    updater,
    encryption,
    // the first administrator's recovery code also opens the database's key (on another PC): wrapped under it
    recoveryCodeIssued: async (code, replaced) => {
      if (!db.key) return;
      try {
        await wrapUnderRecoveryCode(db.file, db.key, code, replaced);
      } catch (e) {
        console.error('wrapping the database key under the recovery code failed', e);
      }
    },
  });
};

/** 打开其他文件 in safe mode: the system's file dialog. */
async function chooseDatabaseFile(): Promise<string | null> {
  const options = { title: '选择长护助手数据库文件', properties: ['openFile'] as 'openFile'[], filters: [{ name: '数据库文件', extensions: ['db'] }] };
  const r = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  return r.canceled ? null : (r.filePaths[0] ?? null);
}

/**
 * Opens the database, or starts in safe mode when it cannot (services/recovery/startup.ts: damaged, from a
 * newer program, held by another program, missing): the window then shows the recovery screen, which
 * serves only the recovery calls until a restore or another file opens a database (decisions.md D36).
 */
function registerIpc(): void {
  const file = appDatabaseFile();
  const key = databaseKey(file);
  const start = openOrSafeMode(file, { appVersion: app.getVersion(), key });
  if (start.mode === 'safe') console.error(`无法打开数据库，进入安全模式：${start.failure.title}：${start.failure.detail}（${file}）`);
  const face = createRecoveringDispatch(
    file,
    start,
    {
      actor: userInfo().username,
      shell: 'desktop',
      appVersion: app.getVersion(),
      chooseFile: chooseDatabaseFile,
      key,
      unlock: (code) => unlockWithRecoveryCode(file, code, safeStorage),
      // 加密数据库 in 设置 (an existing plain file): the new key kept by the OS and under the recovery code, as a new file's
      keepNewKey: (newKey, code) => keepKeyForEncryption(file, newKey, code, safeStorage),
      dropNewKey: () => dropSidecar(file),
      encryptUnavailable: () =>
        safeStorage.isEncryptionAvailable() ? null : '本机系统不提供密钥保护（Windows 的数据保护或系统钥匙串），数据库不能在这里加密：密钥将无处安全保存。',
    },
    normalDispatch,
  );
  // The answer goes as UTF-8 JSON, the bytes HTTP carries (services/api/wire.ts); the preload parses it.
  // One window, one login: its token stays in this process, never in the page.
  const windowSession = memorySlot();
  ipcMain.handle(API_CHANNEL, async (event, method: unknown, input: unknown) => {
    assertTrustedSender(event);
    return encodeResult(await face.dispatch(String(method), input, windowSession));
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
      Menu.buildFromTemplate(buildMenuTemplate({ productName: app.getName(), isMac: process.platform === 'darwin', isDev: !app.isPackaged })),
    );
    mainWindow = createMainWindow();
  });
}
