import { dirname } from 'node:path';
import type { appApi } from '../../../shared/api/app';
import type { ServiceContext } from '../api/context';
import type { HandlersOf } from '../api/handlers';
import { hasRecoveryCode } from '../auth/users';
import { InputError } from '../errors';

/** Where no face offers it (an in-process caller: tests, the bench). */
const NOT_HERE = '这里不能加密数据库：请关闭程序后用 ltc encrypt --db 数据库 --key-file 密钥文件 加密。';

/** Why 加密数据库 cannot run here, or null: it can (or there is nothing to do, the file being encrypted). */
const cannotEncrypt = (ctx: ServiceContext): string | null => (ctx.db.key ? null : ctx.encryption ? ctx.encryption.unavailable() : NOT_HERE);

export const appHandlers: HandlersOf<typeof appApi> = {
  'app.info': (_input, ctx) => ({
    name: '长护助手',
    version: ctx.appVersion,
    databaseFile: ctx.db.file,
    shell: ctx.shell,
    schemaVersion: Number(ctx.db.raw.pragma('user_version', { simple: true })),
    encryption: { encrypted: ctx.db.key !== null, unavailable: cannotEncrypt(ctx), hasRecoveryCode: hasRecoveryCode(ctx.db) },
  }),
  'app.openDataFolder': (_input, ctx) => ({ opened: ctx.openFolder(dirname(ctx.db.file)) }),
  'app.encryptDatabase': async (i, ctx) => {
    const why = cannotEncrypt(ctx);
    if (why || !ctx.encryption) throw new InputError(why ?? NOT_HERE);
    return ctx.encryption.encrypt({
      recoveryCode: i.recoveryCode,
      encryptBackups: i.encryptBackups,
      actor: ctx.actor,
      userId: ctx.caller?.session?.user.id ?? null,
    });
  },
};
