import type { backupsApi } from '../../../shared/api/backups';
import type { HandlersOf } from '../api/handlers';
import { recordAudit } from '../audit/auditLog';
import { InputError } from '../errors';
import { downloadOffThread } from './backupOffThread';
import { backupPath, backupsFolder, copyBackupVerified, createBackup, listBackups } from './backupFolder';

export const backupsHandlers: HandlersOf<typeof backupsApi> = {
  'backups.list': (_i, ctx) => listBackups(ctx.db),
  'backups.create': async (_i, ctx) => {
    const made = await createBackup(ctx.db, 'manual');
    recordAudit(ctx.db, { actor: ctx.actor, action: 'backup', entity: 'database', entityId: null, after: { file: made.name, bytes: made.bytes } });
    return made;
  },
  'backups.saveToFolder': async (i, ctx) => {
    if (!ctx.chooseFolder) throw new InputError('浏览器预览不能直接写入U盘，请用“下载”保存备份文件。');
    const folder = await ctx.chooseFolder('选择保存备份的文件夹（如U盘）');
    if (!folder) return { cancelled: true as const };
    const file = await copyBackupVerified(ctx.db, i.name, folder);
    // A backup holds every ID number: who took a copy out, and where, is audited (PIPL).
    recordAudit(ctx.db, { actor: ctx.actor, action: 'export', entity: 'database', entityId: null, after: { backup: i.name, to: file } });
    return { file };
  },
  'backups.download': async (i, ctx) => {
    // read and encoded in the backup worker (hundreds of MB for a big institution)
    const download = await downloadOffThread(backupPath(ctx.db, i.name), i.name);
    recordAudit(ctx.db, { actor: ctx.actor, action: 'export', entity: 'database', entityId: null, after: { backup: i.name, to: 'download' } });
    return download;
  },
  'backups.openFolder': (_i, ctx) => ({ opened: ctx.openFolder(backupsFolder(ctx.db)) }),
};
