/**
 * `npm run web -- --db FILE --port PORT`: the browser preview. Opens (or creates) FILE and serves the
 * built renderer with the contract at http://127.0.0.1:PORT (loopback only). The preview cannot update
 * the program; for the e2e tests of the update card, `--update-stub STATUS.json` gives it a stubbed
 * updater (electron/services/updates/stubUpdater.ts). Every call but the login's needs a session (the
 * page's login screen; decisions.md D35), kept in this process's memory: a restart logs everyone out.
 *
 * A file it cannot open (damaged, a newer program's, held by another program, missing) is said in one line
 * on stderr, with no stack trace, and the page serves the recovery screen (safe mode, decisions.md D36:
 * its calls need no login, the users being in the file that cannot be opened, but the printed address's
 * ?key= instead: server.ts); `--exit-on-failure` exits 1 after that line instead, as scripts may want.
 * `--key-file K` (the database's key as 64 hex characters, as for `ltc --key-file`; decisions.md D37) opens an
 * encrypted database, and creates a new FILE encrypted with it; a plain FILE opens plain with or without it.
 * Given a K that does not exist yet beside an existing plain FILE, the page's 加密数据库 (设置) encrypts FILE
 * and writes its new key to K (owner-only), with the wrap under the recovery code in `<FILE>.key.json`.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createDispatcher } from '../services/api/dispatch';
import { fileEncryption, readKeyFile, writeKeyFile, type DatabaseKey } from '../services/db/cipherKey';
import { dropSidecar, keepKeyForEncryption, NO_OS_PROTECTION } from '../services/db/keyVault';
import { handlers } from '../services/api/registry';
import { SessionStore } from '../services/auth/sessions';
import { appPaths } from '../services/app/appPaths';
import { createRecoveringDispatch } from '../services/recovery/safeMode';
import { openOrSafeMode } from '../services/recovery/startup';
import { stubUpdater } from '../services/updates/stubUpdater';
import { startHost } from './server';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    port: { type: 'string', default: '5180' },
    'update-stub': { type: 'string' },
    'exit-on-failure': { type: 'boolean', default: false },
    'key-file': { type: 'string' },
  },
});
if (!values.db) {
  process.stderr.write('用法：npm run web -- --db 数据库文件 [--port 端口] [--key-file 密钥文件] [--exit-on-failure]\n');
  process.exit(1);
}

const file = resolve(values.db);
let key: DatabaseKey | null = null;
// where 加密数据库 writes the key of the plain FILE: a --key-file not yet there
let keyFileToWrite: string | null = null;
if (values['key-file']) {
  const keyFile = resolve(values['key-file']);
  try {
    if (!existsSync(keyFile) && fileEncryption(file) === 'plain') keyFileToWrite = keyFile;
    else key = readKeyFile(keyFile);
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  }
}
const actor = userInfo().username;
const start = openOrSafeMode(file, { appVersion: __APP_VERSION__, key });
if (start.mode === 'safe') {
  // the one line a script or a person at the terminal reads, as before safe mode existed
  process.stderr.write(`无法打开数据库：${start.error instanceof Error ? start.error.message : start.failure.detail}\n`);
  if (values['exit-on-failure']) process.exit(1);
}
const updater = values['update-stub'] ? stubUpdater(resolve(values['update-stub'])) : undefined;
// the logins outlast a database opened again (加密数据库, a restore in safe mode): the same file, the same users
const sessions = new SessionStore();
const keyFile = keyFileToWrite;
const face = createRecoveringDispatch(
  file,
  start,
  {
    actor,
    shell: 'browser',
    appVersion: __APP_VERSION__,
    key,
    ...(keyFile && {
      keepNewKey: async (newKey: DatabaseKey, code: string) => {
        writeKeyFile(keyFile, newKey);
        await keepKeyForEncryption(file, newKey, code, NO_OS_PROTECTION);
      },
      dropNewKey: () => {
        rmSync(keyFile, { force: true });
        dropSidecar(file);
      },
    }),
  },
  (db, encryption) =>
    // every call but the public ones runs as the logged-in user (the dispatcher sets the actor from her session)
    createDispatcher(handlers, { db, actor, sessions, shell: 'browser', appVersion: __APP_VERSION__, openFolder: () => false, updater, encryption }),
);

// safe mode has no users to log in as: its recovery calls need the key in the address printed below (server.ts)
const safeKey = start.mode === 'safe' ? randomBytes(24).toString('base64url') : null;
const safeModeKey = (): string | null => (face.failure() ? safeKey : null);

void startHost({ dispatch: face.dispatch, rendererDir: appPaths().rendererDir, port: Number(values.port), safeModeKey }).then((host) => {
  const mode = start.mode === 'safe' ? `，安全模式：${start.failure.title}` : '';
  process.stdout.write(`长护助手浏览器预览：${host.url}${safeKey ? `?key=${safeKey}` : ''}  (数据库 ${file}${mode})\n`);
  const stop = (): void => {
    void host.close().then(() => {
      face.db()?.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
});
