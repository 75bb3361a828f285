/**
 * `npm run web -- --db FILE --port PORT`: the browser preview. Opens (or creates) FILE and serves the
 * built renderer with the contract at http://127.0.0.1:PORT (loopback only). The preview cannot update
 * the program; for the e2e tests of the update card, `--update-stub STATUS.json` gives it a stubbed
 * updater (electron/services/updates/stubUpdater.ts). Every call but the login's needs a session (the
 * page's login screen; decisions.md D35), kept in this process's memory: a restart logs everyone out.
 */
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createDispatcher } from '../services/api/dispatch';
import { handlers } from '../services/api/registry';
import { SessionStore } from '../services/auth/sessions';
import { appPaths } from '../services/app/appPaths';
import { openDatabase, type LtcDatabase } from '../services/db/database';
import { DatabaseError } from '../services/db/errors';
import { stubUpdater } from '../services/updates/stubUpdater';
import { startHost } from './server';

const { values } = parseArgs({ options: { db: { type: 'string' }, port: { type: 'string', default: '5180' }, 'update-stub': { type: 'string' } } });
if (!values.db) {
  process.stderr.write('用法：npm run web -- --db 数据库文件 [--port 端口]\n');
  process.exit(1);
}

/** A file that cannot be opened (a newer program's, not a database, locked) is said plainly, with no stack trace. */
function open(file: string): LtcDatabase {
  try {
    return openDatabase(file, { appVersion: __APP_VERSION__ });
  } catch (err) {
    if (!(err instanceof DatabaseError)) throw err;
    process.stderr.write(`无法打开数据库：${err.message}\n`);
    process.exit(1);
  }
}

const db = open(resolve(values.db));
const dispatch = createDispatcher(handlers, {
  db,
  // every call but the public ones runs as the logged-in user (the dispatcher sets the actor from her session)
  actor: userInfo().username,
  sessions: new SessionStore(),
  shell: 'browser',
  appVersion: __APP_VERSION__,
  openFolder: () => false,
  updater: values['update-stub'] ? stubUpdater(resolve(values['update-stub'])) : undefined,
});

void startHost({ dispatch, rendererDir: appPaths().rendererDir, port: Number(values.port) }).then((host) => {
  process.stdout.write(`长护助手浏览器预览：${host.url}  (数据库 ${db.file})\n`);
  const stop = (): void => {
    void host.close().then(() => {
      db.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
});
