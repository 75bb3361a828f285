/**
 * `ltc verify-audit --db FILE [--package DIR …]`: whether the audit trail is as it was written
 * (auditChain.ts, decisions.md D33). Read-only. Exit 0 with 审计记录完整（N 条，末条 #id）; exit 1 with
 * the first row that breaks the chain and why (内容被改动 / 记录缺失 / 时间倒序 / 链头与申报包不符 /
 * 触发器缺失).
 */
import { resolve } from 'node:path';
import { problemLine, wholeChainLine } from '../../services/audit/auditChain';
import { verifyAuditFile, type AuditFileReport } from '../../services/audit/verifyAuditFile';
import { keyInUse } from '../../services/db/cipherKey';
import { describeDatabaseFile } from '../../services/db/describeFile';
import { InputError } from '../../services/errors';
import { requireExisting } from '../io';
import { cliKey } from '../keyFile';

/** Throws (exit 1) with every problem listed when the chain is broken; else the verdict line. */
export function chainVerdict(r: AuditFileReport): string {
  if (r.problems.length > 0) {
    const first = r.problems.find((p) => p.id !== null) ?? r.problems[0]!;
    throw new InputError(
      `审计记录不完整：${problemLine(first)}`,
      r.problems.map((p) => ({ path: p.id === null ? '' : `#${p.id}`, message: `${p.kind}：${p.detail}` })),
    );
  }
  return wholeChainLine(r);
}

export function verifyAuditCommand(o: { db: string; package?: string[] }, log: (s: string) => void): void {
  requireExisting(o.db, '数据库文件');
  const file = resolve(o.db);
  // a damaged, empty, foreign or newer file is named as `ltc check` names it
  describeDatabaseFile(file, cliKey());
  const packages = (o.package ?? []).map((d) => resolve(d));
  const r = verifyAuditFile(file, packages, keyInUse(file, cliKey()));
  for (const dir of r.packagesWithoutHead) log(`注意：申报包 ${dir} 的 manifest.json 没有记录链头（草稿，或在建立审计哈希链之前申报），未据此核对`);
  log(chainVerdict(r));
}
