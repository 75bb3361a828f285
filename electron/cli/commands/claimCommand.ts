/**
 * `ltc claim`: a month's claim from a dataset file (imported into a fresh temporary database, so the
 * same path as real use is exercised) or from a real database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Claim } from '../../../shared/claims/types';
import { computeMonthClaim } from '../../services/claims/monthClaim';
import { importDataset } from '../../services/dataset/importDataset';
import { InputError } from '../../services/errors';
import { requireExisting, writeJsonAtomic } from '../io';
import { claimSummary } from '../report';
import { cliActor, readDataset, withDatabase } from './dataCommands';

export interface ClaimOptions {
  month: string;
  dataset?: string;
  db?: string;
  out?: string;
}

export function claimCommand(opts: ClaimOptions, out: (s: string) => void, log: (s: string) => void): void {
  if (!!opts.dataset === !!opts.db) throw new InputError('请指定 --dataset 数据文件或 --db 数据库文件（二选一）');
  let claim: Claim;
  if (opts.dataset) {
    const dataset = readDataset(opts.dataset);
    const dir = mkdtempSync(join(tmpdir(), 'ltc-claim-'));
    try {
      claim = withDatabase(join(dir, 'claim.db'), (db) => {
        importDataset(db, dataset, { actor: cliActor() });
        return computeMonthClaim(db, opts.month);
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  } else {
    requireExisting(opts.db ?? '', '数据库文件');
    claim = withDatabase(opts.db ?? '', (db) => computeMonthClaim(db, opts.month));
  }
  log(claimSummary(claim));
  if (opts.out) {
    const file = join(resolve(opts.out), 'claim.json');
    writeJsonAtomic(file, claim);
    out(file);
  } else {
    out(JSON.stringify(claim, null, 2));
  }
}
