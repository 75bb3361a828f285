import { dirname } from 'node:path';
import type { appApi } from '../../../shared/api/app';
import type { HandlersOf } from '../api/handlers';

export const appHandlers: HandlersOf<typeof appApi> = {
  'app.info': (_input, ctx) => ({
    name: '长护助手',
    version: ctx.appVersion,
    databaseFile: ctx.db.file,
    shell: ctx.shell,
    schemaVersion: Number(ctx.db.raw.pragma('user_version', { simple: true })),
  }),
  'app.openDataFolder': (_input, ctx) => ({ opened: ctx.openFolder(dirname(ctx.db.file)) }),
};
