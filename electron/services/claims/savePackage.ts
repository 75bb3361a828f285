/**
 * 保存申报包到文件夹 (e.g. a USB stick): every file written into a folder beside the target, flushed to
 * the device and read back against its SHA-256, then moved in, so a file that the stick corrupted or a
 * removal mid-write is reported instead of discovered at the agency, and never left looking complete.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
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
  // The whole package is written and verified in a folder beside the target first, then moved in by
  // renames: a kill or a pulled stick mid-write leaves a ".partial" folder, never a package folder that
  // looks complete and is not.
  const partial = `${dir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  for (const f of files) {
    const path = join(partial, f.name);
    const fd = openSync(path, 'w');
    try {
      writeSync(fd, f.bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    const back = sha256Hex(readFileSync(path));
    if (back !== f.sha256) {
      rmSync(partial, { recursive: true, force: true });
      throw new ServiceError('CONFLICT', `文件 ${f.name} 写入后校验不一致（SHA-256 不符），请换一个U盘或文件夹重新保存。`);
    }
  }
  if (!existsSync(dir) || readdirSync(dir).length === 0) {
    rmSync(dir, { recursive: true, force: true });
    renameSync(partial, dir);
  } else {
    // a folder that already holds files (an earlier copy): each file replaced by a rename, the rest kept
    for (const f of files) renameSync(join(partial, f.name), join(dir, f.name));
    rmSync(partial, { recursive: true, force: true });
  }
  return files.map((f) => ({ name: f.name, path: join(dir, f.name), sha256: f.sha256, bytes: f.bytes.length }));
}
