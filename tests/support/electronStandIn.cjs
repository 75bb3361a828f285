// Runs the BUILT Electron main bundle (out/main/index.js) in plain Node with a stand-in `electron`
// module that records what the bundle asks of Electron, then exercises the IPC handler it registered
// and prints one JSON line of what happened. tests/unit/shell/mainProcess.test.ts runs it in a child
// process (the bundle registers process-wide handlers and opens a database: nothing leaks into vitest).
//
//   node tests/support/electronStandIn.cjs OUT_MAIN_INDEX USER_DATA_DIR [RESOURCES_PATH]
//
// With RESOURCES_PATH, it plays an installed app: app.isPackaged is true and process.resourcesPath is set,
// as Electron sets them.
//
// The stand-in implements only what the main process calls; anything else it calls is a TypeError,
// which is what a broken main bundle should be here.
'use strict';
const Module = require('node:module');
const { pathToFileURL } = require('node:url');
const { join } = require('node:path');

const [bundle, userData, resourcesPath] = process.argv.slice(2);
if (resourcesPath) process.resourcesPath = resourcesPath;
const record = {
  singleInstanceLock: 0,
  appEvents: [],
  ipcChannels: [],
  windows: [],
  permissionHandler: false,
  headers: null,
  menu: false,
  quit: 0,
  errors: [],
};
const handlers = new Map();
const appListeners = new Map();
let readyResolve;
const ready = new Promise((r) => (readyResolve = r));

class BrowserWindow {
  static all = [];
  static getAllWindows() {
    return BrowserWindow.all;
  }
  constructor(options) {
    this.options = options;
    this.loaded = null;
    this.events = [];
    BrowserWindow.all.push(this);
    record.windows.push(this);
  }
  once(event) {
    this.events.push(event);
  }
  on(event) {
    this.events.push(event);
  }
  loadFile(file) {
    this.loaded = pathToFileURL(file).href;
    return Promise.resolve();
  }
  loadURL(url) {
    this.loaded = url;
    return Promise.resolve();
  }
  isMinimized() {
    return false;
  }
}

const electron = {
  app: {
    isPackaged: Boolean(resourcesPath),
    requestSingleInstanceLock: () => {
      record.singleInstanceLock += 1;
      return true;
    },
    on: (event, fn) => {
      record.appEvents.push(event);
      appListeners.set(event, fn);
    },
    whenReady: () => ready,
    getPath: (name) => {
      if (name !== 'userData') throw new Error(`unexpected app.getPath(${name})`);
      return userData;
    },
    getVersion: () => '0.0.0-standin',
    getName: () => '长护助手',
    quit: () => {
      record.quit += 1;
    },
  },
  BrowserWindow,
  ipcMain: {
    handle: (channel, fn) => {
      record.ipcChannels.push(channel);
      handlers.set(channel, fn);
    },
  },
  session: {
    defaultSession: {
      webRequest: {
        onHeadersReceived: (fn) => {
          fn({ responseHeaders: { 'content-type': ['text/html'] } }, (r) => (record.headers = r.responseHeaders));
        },
      },
      setPermissionRequestHandler: (fn) => {
        let answer = null;
        fn(null, 'media', (granted) => (answer = granted));
        record.permissionHandler = answer === false ? 'denies' : `answered ${answer}`;
      },
    },
  },
  Menu: {
    buildFromTemplate: (template) => ({ template }),
    setApplicationMenu: (menu) => {
      record.menu = Array.isArray(menu.template) && menu.template.length > 0;
    },
  },
  dialog: {
    showErrorBox: (title, content) => record.errors.push(`${title}: ${content}`),
    showOpenDialog: () => Promise.resolve({ canceled: true, filePaths: [] }),
  },
  shell: { openPath: () => Promise.resolve('') },
  // the OS's protection of the database key (DPAPI on Windows): a stand-in bound to a "PC", LTC_STANDIN_PC
  // (default pc1): what one PC encrypted another cannot decrypt. LTC_STANDIN_SAFE_STORAGE=off: none offered.
  safeStorage: {
    isEncryptionAvailable: () => process.env.LTC_STANDIN_SAFE_STORAGE !== 'off',
    encryptString: (plain) => Buffer.from(`${process.env.LTC_STANDIN_PC || 'pc1'}:${Buffer.from(plain).toString('base64')}`),
    decryptString: (data) => {
      const [pc, b64] = data.toString().split(':');
      if (pc !== (process.env.LTC_STANDIN_PC || 'pc1')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(b64, 'base64').toString();
    },
  },
};

const load = Module._load;
Module._load = function (request, parent, isMain) {
  if (request === 'electron') return electron;
  return load.call(this, request, parent, isMain);
};

async function main() {
  require(bundle);
  readyResolve();
  // let whenReady's continuation run (window, IPC, menu)
  await new Promise((r) => setTimeout(r, 200));
  const win = record.windows[0];
  const appUrl = win ? win.loaded : null;
  const handler = handlers.get(record.ipcChannels[0]);
  const call = async (url, method, input) => {
    try {
      // the answer is UTF-8 JSON, which the preload parses
      return { value: JSON.parse(new TextDecoder().decode(await handler({ senderFrame: { url } }, method, input))) };
    } catch (e) {
      return { thrown: String(e && e.message) };
    }
  };
  // a web contents as Electron creates one: what the guards do to a new window and to navigations
  const contentsEvents = new Map();
  let openHandler = null;
  appListeners.get('web-contents-created')?.(
    {},
    {
      setWindowOpenHandler: (fn) => (openHandler = fn),
      on: (event, fn) => contentsEvents.set(event, fn),
    },
  );
  const navigation = (event, url) => {
    let prevented = false;
    contentsEvents.get(event)?.({ url, preventDefault: () => (prevented = true) });
    return prevented;
  };
  const guards = {
    newWindow: openHandler ? openHandler({ url: 'https://evil.example/' }) : null,
    navigateAway: navigation('will-navigate', 'https://evil.example/'),
    navigateInApp: navigation('will-navigate', `${appUrl}#/claims`),
    redirectAway: navigation('will-redirect', 'https://evil.example/'),
    webviewRefused: navigation('will-attach-webview', 'about:blank'),
  };
  const out = {
    ...record,
    guards,
    windows: record.windows.map((w) => ({ options: w.options, loaded: w.loaded })),
    // the window logs in like the browser preview (decisions.md D35): before, its calls are refused;
    // the first start's auth.setup logs the window in, and its session stays in the main process
    beforeLogin: handler ? await call(appUrl, 'app.info', undefined) : null,
    login: handler ? await call(appUrl, 'auth.setup', { name: '王管理', password: 'admin-pass-1' }) : null,
    fromApp: handler ? await call(appUrl, 'app.info', undefined) : null,
    fromApp404: handler ? await call(appUrl, 'no.such', undefined) : null,
    fromElsewhere: handler ? await call('https://evil.example/', 'app.info', undefined) : null,
    fromOtherFile: handler ? await call(pathToFileURL(join(userData, 'index.html')).href, 'app.info', undefined) : null,
    // safe mode (tests/unit/shell/mainSafeMode.test.ts): what the window asks first, and a normal call
    status: handler ? await call(appUrl, 'recovery.status', undefined) : null,
    residents: handler ? await call(appUrl, 'residents.list', {}) : null,
    // an encrypted database on another PC (tests/unit/shell/mainEncryption.test.ts): the recovery code, then the status
    unlock:
      handler && process.env.LTC_STANDIN_RECOVERY_CODE ? await call(appUrl, 'recovery.unlock', { recoveryCode: process.env.LTC_STANDIN_RECOVERY_CODE }) : null,
    // 加密数据库 of a plain database (mainEncryption.test.ts): her login, the call with her recovery code, then app.info
    encrypt:
      handler && process.env.LTC_STANDIN_ENCRYPT_CODE
        ? {
            login: await call(appUrl, 'auth.login', { name: '王管理', password: 'admin-pass-1' }),
            encrypted: await call(appUrl, 'app.encryptDatabase', { recoveryCode: process.env.LTC_STANDIN_ENCRYPT_CODE, encryptBackups: true, confirm: true }),
            info: await call(appUrl, 'app.info', undefined),
          }
        : null,
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
  // what Electron does on quit: the bundle closes its database there
  appListeners.get('will-quit')?.();
  process.exit(0);
}

main().catch((e) => {
  process.stdout.write(`${JSON.stringify({ crashed: String((e && e.stack) || e) })}\n`);
  process.exit(1);
});
