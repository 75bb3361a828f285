/**
 * The institution's address, phone and bank (migration 012, issue 11): saved from 机构设置, kept through
 * export and import (optional fields of the dataset format: a file without them still imports), frozen
 * with a submission's records, and printed on the submitted summary (read back with pdftotext).
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { institutionInput } from '../../../shared/api/institution';
import type { Institution } from '../../../shared/domain/model';
import { getClaim, readClaimFiles } from '../../../electron/services/claims/claimStore';
import { submitMonth } from '../../../electron/services/claims/lifecycle';
import { buildPackage } from '../../../electron/services/claims/package';
import { exportDataset } from '../../../electron/services/dataset/exportDataset';
import { importDataset } from '../../../electron/services/dataset/importDataset';
import { validateDataset } from '../../../electron/services/dataset/validateDataset';
import { openDatabase } from '../../../electron/services/db/database';
import { getInstitution, saveInstitution } from '../../../electron/services/institution/institutionService';
import { sample, tempDir, track } from './helpers';

const CONTACT = { address: '浙江省宁波市江北区人民路100号', phone: '0574-87654321', bankName: '中国工商银行宁波江北支行', bankAccount: '3901120009000123456' };

function sampleDb() {
  const db = track(openDatabase(path.join(tempDir(), 'ltc.db')));
  importDataset(db, sample(), { actor: 'seed' });
  return db;
}

describe("the institution's address, phone and bank", () => {
  it('are saved from 机构设置 and read back; emptied, they are gone', () => {
    const db = sampleDb();
    const before = getInstitution(db)!;
    expect(before).not.toHaveProperty('address');
    const input = institutionInput.parse({ ...before, ...CONTACT, phone: ' 0574-87654321 ' });
    saveInstitution(db, input as Institution, 'tester');
    expect(getInstitution(db)).toMatchObject(CONTACT);
    saveInstitution(db, { ...before }, 'tester');
    expect(getInstitution(db)).not.toHaveProperty('bankAccount');
  });

  it('refuses a bank account that is not digits', () => {
    const r = institutionInput.safeParse({ ...sample().institution, bankAccount: '账号123' });
    expect(r.success).toBe(false);
  });

  it('travel with the dataset: exported, valid against the format, imported again; a file without them still imports', () => {
    const db = sampleDb();
    saveInstitution(db, { ...getInstitution(db)!, ...CONTACT }, 'tester');
    const exported = exportDataset(db);
    expect(exported.institution).toMatchObject(CONTACT);
    expect(validateDataset(JSON.parse(JSON.stringify(exported)), '2026-11-05').ok).toBe(true);
    const other = track(openDatabase(path.join(tempDir(), 'other.db')));
    importDataset(other, exported, { actor: 'seed' });
    expect(getInstitution(other)).toMatchObject(CONTACT);
    expect(validateDataset(sample(), '2026-11-05').ok).toBe(true);
  });

  it('are frozen with a submission and printed on its summary', async (ctx) => {
    if (spawnSync('sh', ['-c', 'command -v pdftotext']).status !== 0) return ctx.skip('pdftotext (poppler-utils) not installed');
    const db = sampleDb();
    saveInstitution(db, { ...getInstitution(db)!, ...CONTACT }, 'tester');
    const { claimId } = await submitMonth(db, {
      month: '2026-10',
      actor: '张丽',
      generatedOn: '2026-11-05',
      acceptErrors: true,
      build: buildPackage,
      today: '2026-11-05',
    });
    // a later change of address does not change what was submitted
    saveInstitution(db, { ...getInstitution(db)!, address: '新地址' }, 'tester');
    expect(getClaim(db, claimId)?.summary.status).toBe('submitted');
    const summary = readClaimFiles(db, claimId).find((f) => f.name === '结算申报汇总表.pdf')!;
    const file = path.join(tempDir(), 'summary.pdf');
    writeFileSync(file, summary.bytes);
    const text = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, '');
    for (const v of Object.values(CONTACT)) expect(text).toContain(v);
    expect(text).toContain('申报人：张丽');
    // the 申报时间 printed and in the manifest is the one stored with the claim (so 校验 makes it again)
    const stored = getClaim(db, claimId)!.summary;
    const manifest = JSON.parse(new TextDecoder().decode(readClaimFiles(db, claimId).find((f) => f.name === 'manifest.json')!.bytes)) as {
      submission: { submittedBy: string; submittedAt: string; seq: number };
    };
    expect(manifest.submission).toEqual({ submittedBy: '张丽', submittedAt: stored.submittedAt, seq: 0 });
    const at = stored.submittedAt ?? '';
    expect(text).toContain(`申报时间：${at.slice(0, 4)}年${Number(at.slice(5, 7))}月${Number(at.slice(8, 10))}日${at.slice(11, 16)}`);
  });
});
