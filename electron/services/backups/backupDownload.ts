/** A backup file as the window downloads it (in the backup worker in the built app: backupOffThread.ts). */
import { readFileSync } from 'node:fs';
import type { FileDownload } from '../../../shared/api/define';

export function backupDownload(file: string, name: string): FileDownload {
  return { name, mime: 'application/vnd.sqlite3', base64: readFileSync(file).toString('base64') };
}
