/**
 * 保存申报包到文件夹 (e.g. a USB stick): each file written through a temp name and renamed, flushed
 * to the device, then read back and checked against its SHA-256, so a file that the stick corrupted
 * or a removal mid-write is reported instead of discovered at the agency.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { ServiceError } from '../errors';
import { sha256Hex } from '../documents/manifest';

export interface SavedFile {
  name: string;
  path: string;
  sha256: string;
  bytes: number;
}

export { sha256Hex };

export function savePackageVerified(dir: string, files: readonly { name: string; bytes: Uint8Array; sha256: string }[]): SavedFile[] {
  mkdirSync(dir, { recursive: true });
  const saved: SavedFile[] = [];
  for (const f of files) {
    const path = join(dir, f.name);
    const tmp = join(dir, `.${f.name}.tmp`);
    const fd = openSync(tmp, 'w');
    try {
      writeSync(fd, f.bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
    const back = sha256Hex(readFileSync(path));
    if (back !== f.sha256) throw new ServiceError('CONFLICT', `文件 ${f.name} 写入后校验不一致（SHA-256 不符），请换一个U盘或文件夹重新保存。`);
    saved.push({ name: f.name, path, sha256: back, bytes: f.bytes.length });
  }
  return saved;
}
