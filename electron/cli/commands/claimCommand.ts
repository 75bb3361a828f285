/**
 * `ltc claim`: a month's claim from a dataset file (imported into a fresh temporary database, so the
 * same path as real use is exercised) or from a real database. With `--out DIR --package`, the whole
 * draft package (claim.json, claim.xlsx, the PDFs, manifest.json) for review before submitting.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import type { Claim } from '../../../shared/claims/types';
import { recordAudit } from '../../services/audit/auditLog';
import { computeMonthClaim } from '../../services/claims/monthClaim';
import { buildPackage } from '../../services/claims/package';
import type { ClaimRecords } from '../../services/claims/packageTypes';
import { savePackageVerified } from '../../services/claims/savePackage';
import { loadClaimInput } from '../../services/dataset/loadMonth';
import { serviceToday } from '../../services/db/clock';
import type { LtcDatabase } from '../../services/db/database';
import { InputError } from '../../services/errors';
import { requireExisting, writeJsonAtomic } from '../io';
import { progressLogger } from '../progress';
import { claimSummary } from '../report';
import { cliActor, importFileInto, withDatabase } from './dataCommands';

export interface ClaimOptions {
  month: string;
  dataset?: string;
  db?: string;
  out?: string;
  /** with --out: the whole draft package, not only claim.json */
  package?: boolean;
}

interface Computed {
  claim: Claim;
  /** only read when a package is asked for (loading a big month's records costs time) */
  records: ClaimRecords | null;
}

function compute(db: LtcDatabase, opts: ClaimOptions): Computed {
  return db.transaction(() => ({ claim: computeMonthClaim(db, opts.month), records: opts.package ? loadClaimInput(db, opts.month) : null }));
}

export async function claimCommand(opts: ClaimOptions, out: (s: string) => void, log: (s: string) => void): Promise<void> {
  if (!!opts.dataset === !!opts.db) throw new InputError('请指定 --dataset 数据文件或 --db 数据库文件（二选一）');
  if (opts.package && !opts.out) throw new InputError('--package 需要和 --out <目录> 一起使用：申报包写入该目录');
  let result: Computed;
  if (opts.dataset) {
    const dir = mkdtempSync(join(tmpdir(), 'ltc-claim-'));
    try {
      const file = join(dir, 'claim.db');
      importFileInto(file, opts.dataset);
      result = withDatabase(file, (db) => compute(db, opts));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  } else {
    requireExisting(opts.db ?? '', '数据库文件');
    result = withDatabase(opts.db ?? '', (db) => compute(db, opts));
  }
  const { claim, records } = result;
  log(claimSummary(claim));
  if (!opts.out) {
    out(JSON.stringify(claim, null, 2));
    return;
  }
  const dir = resolve(opts.out);
  if (!records) {
    const file = join(dir, 'claim.json');
    writeJsonAtomic(file, claim);
    auditDraftExport(opts, claim, [file], 'ltc claim --out');
    out(file);
    return;
  }
  // A draft package is dated today; a submitted one keeps the date it was submitted with.
  const files = await buildPackage({ claim, records, generatedOn: serviceToday(), onProgress: progressLogger(log) });
  const saved = savePackageVerified(dir, files);
  auditDraftExport(
    opts,
    claim,
    saved.map((f) => f.path),
    'ltc claim --package',
  );
  for (const f of saved) out(f.path);
}

/**
 * Files of an institution's claim written out (they carry whole ID numbers) are audited as the window's
 * exports are; a claim of a dataset file goes through a throwaway database and leaves no trail to write to.
 */
function auditDraftExport(opts: ClaimOptions, claim: Claim, paths: string[], how: string): void {
  if (!opts.db) return;
  withDatabase(opts.db, (db) =>
    recordAudit(db, {
      actor: cliActor(),
      action: 'export',
      entity: 'claim',
      entityId: null,
      after: { month: claim.month, kind: claim.kind, status: 'draft', files: paths.map((p) => basename(p)), via: `${how} → ${dirname(paths[0] ?? '')}` },
    }),
  );
}
