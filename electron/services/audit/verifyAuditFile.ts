/**
 * `ltc verify-audit --db FILE [--package DIR …]` and the chain part of `ltc check`: the audit chain of a
 * database file, read without writing anything (opened read-only and never migrated, like
 * db/describeFile.ts), checked against the heads stored with its submissions and against the `auditHead`
 * of each package's manifest.json given (the copy the agency keeps).
 */
import fs from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors';
import { MANIFEST_NAME } from '../documents/manifest';
import { hasChain, storedHeads, verifyChain, type ChainReport, type ExpectedHead } from './auditChain';
import { busyTimeoutMs } from '../db/busyTimeout';
import { openConnection, type DatabaseKey } from '../db/cipherKey';

/** The head a package's manifest names; null for a draft or a package submitted before the chain (no `auditHead`). */
export function packageHead(dir: string): ExpectedHead | null {
  const file = join(dir, MANIFEST_NAME);
  if (!fs.existsSync(file)) throw new InputError(`申报包目录中没有 ${MANIFEST_NAME}：${dir}`);
  let doc: { auditHead?: { id?: unknown; hash?: unknown } };
  try {
    doc = JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) as typeof doc;
  } catch (err) {
    throw new InputError(`${file} 不是有效的 JSON：${String(err)}`);
  }
  const h = doc.auditHead;
  if (!h) return null;
  if (typeof h.id !== 'number' || typeof h.hash !== 'string') throw new InputError(`${file} 的 auditHead 格式不对（应为 { id, hash }）`);
  return { id: h.id, hash: h.hash, source: `申报包 ${dir} 的链头` };
}

export interface AuditFileReport extends ChainReport {
  /** packages given whose manifest names no head (a draft, or submitted before the chain) */
  packagesWithoutHead: string[];
}

/** Reads the file's chain; a file without one (schema before 016) is named as such. */
export function verifyAuditFile(file: string, packages: readonly string[] = [], key: DatabaseKey | null = null): AuditFileReport {
  const heads = packages.map((dir) => ({ dir, head: packageHead(dir) }));
  const db = openConnection(file, { readonly: true, fileMustExist: true, timeout: busyTimeoutMs() }, key);
  try {
    if (!hasChain(db)) {
      const version = db.pragma('user_version', { simple: true }) as number;
      throw new InputError(`数据库版本 ${version} 的审计记录还没有哈希链：用长护助手（或任一 ltc 写入命令）打开一次即建立`);
    }
    const expected = [...storedHeads(db), ...heads.flatMap((h) => (h.head ? [h.head] : []))];
    return { ...verifyChain(db, expected), packagesWithoutHead: heads.filter((h) => !h.head).map((h) => h.dir) };
  } finally {
    db.close();
  }
}
