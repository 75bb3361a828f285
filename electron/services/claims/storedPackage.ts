/**
 * A submitted package as the database keeps it, for writing it out again (`ltc package`): after a
 * kill while `ltc submit --out` was writing, or for a second copy. The files are what was frozen at
 * submission; each is checked against its stored SHA-256 and against manifest.json's list before it
 * is handed out, so a copy written from a damaged or altered database is refused, never delivered.
 */
import { sha256Hex } from '../documents/manifest';
import { MANIFEST_NAME } from '../documents/manifest';
import type { LtcDatabase } from '../db/database';
import { InputError } from '../errors';
import { claimsOfMonth, isSent, readClaimFiles, type StoredClaim, type StoredFile } from './claimStore';

export function storedPackage(db: LtcDatabase, month: string, seq: number): { claim: StoredClaim; files: StoredFile[] } {
  const claim = claimsOfMonth(db, month).find((c) => c.summary.seq === seq && isSent(c.summary));
  if (!claim) throw new InputError(`${month} 没有已申报的结算${seq ? `（补报 ${seq}）` : ''}：草稿的申报包请用 ltc claim --package 生成`);
  const files = readClaimFiles(db, claim.summary.id);
  const damaged = files.filter((f) => sha256Hex(f.bytes) !== f.sha256).map((f) => f.name);
  const manifest = files.find((f) => f.name === MANIFEST_NAME);
  if (!manifest) throw new InputError(`${month} 的申报包中没有 ${MANIFEST_NAME}：数据库中的申报包不完整，请从备份恢复`);
  const listed = (JSON.parse(new TextDecoder().decode(manifest.bytes)) as { files: { name: string; sha256: string }[] }).files;
  const byName = new Map(files.map((f) => [f.name, f]));
  for (const l of listed) {
    const f = byName.get(l.name);
    if (!f) damaged.push(`${l.name}（缺失）`);
    else if (f.sha256 !== l.sha256) damaged.push(l.name);
  }
  if (damaged.length > 0) {
    throw new InputError(`数据库中保存的 ${month} 申报包与申报时不符（${[...new Set(damaged)].join('、')}），未写出任何文件。请从申报前后的备份恢复后再导出`);
  }
  return { claim, files };
}
