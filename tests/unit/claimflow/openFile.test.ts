/** 打开打印: a stored package file handed to the system's viewer is exactly the stored bytes. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimsApi } from '../../../shared/api/claims';
import type { ServiceContext } from '../../../electron/services/api/context';
import { readClaimFiles } from '../../../electron/services/claims/claimStore';
import { claimsHandlers } from '../../../electron/services/claims/claimsHandlers';
import { submitMonth } from '../../../electron/services/claims/lifecycle';
import { buildPackage } from '../../../electron/services/claims/package';
import { writePrintCopy } from '../../../electron/services/claims/printCopy';
import { importDataset } from '../../../electron/services/dataset/importDataset';
import { openDatabase } from '../../../electron/services/db/database';
import { sample, tempDir, track } from '../services/helpers';

describe('opening a package file to print it', () => {
  it('gives the system viewer a copy with the stored bytes; the browser preview is told to download instead', async () => {
    const db = track(openDatabase(path.join(tempDir(), 'ltc.db')));
    importDataset(db, sample(), { actor: 'seed' });
    const { claimId } = await submitMonth(db, { month: '2026-10', actor: 't', generatedOn: '2026-11-05', acceptErrors: true, build: buildPackage });
    const opened: string[] = [];
    const base: ServiceContext = { db, actor: 't', shell: 'desktop', appVersion: 'test', openFolder: () => false };
    const handler = claimsHandlers['claims.openFile'];
    const input = claimsApi['claims.openFile'].input.parse({ claimId, name: '结算申报汇总表.pdf' });

    const desktop = { ...base, openFile: async (p: string) => (opened.push(p), true) };
    await expect(handler(input, desktop)).resolves.toEqual({ opened: true });
    const stored = readClaimFiles(db, claimId).find((f) => f.name === '结算申报汇总表.pdf')!;
    expect(Buffer.from(readFileSync(opened[0]!)).equals(Buffer.from(stored.bytes))).toBe(true);

    await expect(handler({ claimId, name: 'nope.pdf' }, desktop)).rejects.toThrow(/不存在/);
    await expect(handler(input, { ...base, shell: 'browser' })).rejects.toThrow(/下载/);
  });

  it('never writes outside its folder, whatever the name says', () => {
    const root = tempDir();
    const p = writePrintCopy(7, { name: '../../evil.pdf', bytes: new Uint8Array([1]) }, root);
    expect(path.dirname(p)).toBe(path.join(root, '7'));
  });
});
