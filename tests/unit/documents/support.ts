/**
 * The sample institution's October package, built once per test file and written to a temp dir
 * for the poppler and LibreOffice tools; helpers to run those tools.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import type { Claim } from '../../../shared/claims/types';
import type { Dataset } from '../../../shared/domain/model';
import { buildClaimPackage, type ClaimPackageInput, type PackageOptions } from '../../../electron/services/documents/buildPackage';
import type { PackageFile, Submission } from '../../../electron/services/claims/packageTypes';
import sampleJson from '../../fixtures/sample-ningbo.json';
import { claimFor } from '../../support/claimFor';

export const MONTH = '2026-10';
export const GENERATED_ON = '2026-11-05';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

export function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'ltc-documents-'));
  dirs.push(d);
  return d;
}

export function sampleRecords(): Dataset {
  return structuredClone(sampleJson) as Dataset;
}

/**
 * The sample's October claim as submitted: who, when (the institution's clock), 申报序号 0, and the audit
 * chain's head it was submitted at (row 42 and its hash: any fixed row does, the manifest only prints it).
 */
export const SUBMISSION: Submission = {
  by: '张丽',
  at: '2026-11-05T09:30:00.000+08:00',
  seq: 0,
  auditHead: { id: 42, hash: '5f1c0e3a9b7d4c2e8f6a1b3d5c7e9f0a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d0e' },
};

/** The sample's October package as submitted (what verify regenerates); `draftInput` for the draft. */
export function sampleInput(records = sampleRecords()): ClaimPackageInput & { claim: Claim } {
  return { claim: claimFor(records, MONTH), records, generatedOn: GENERATED_ON, submission: SUBMISSION };
}

/** The same package as `ltc claim --package` writes it before submitting: a draft. */
export function draftInput(records = sampleRecords()): ClaimPackageInput & { claim: Claim } {
  const { submission: _, ...input } = sampleInput(records);
  return input;
}

export interface Built {
  dir: string;
  files: PackageFile[];
  path: (name: string) => string;
  file: (name: string) => PackageFile;
}

export async function buildToDir(input: ClaimPackageInput, opts: PackageOptions = {}): Promise<Built> {
  const files = await buildClaimPackage(input, opts);
  const dir = tempDir();
  for (const f of files) writeFileSync(join(dir, f.name), f.bytes);
  return {
    dir,
    files,
    path: (name) => join(dir, name),
    file: (name) => {
      const f = files.find((x) => x.name === name);
      if (!f) throw new Error(`no ${name} in ${files.map((x) => x.name).join(', ')}`);
      return f;
    },
  };
}

export function have(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

export function run(command: string, args: string[], timeout = 60_000): string {
  const r = spawnSync(command, args, { encoding: 'utf8', timeout });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${r.stderr || r.error?.message || r.status}`);
  return r.stdout;
}

export const pdftotext = (file: string): string => run('pdftotext', ['-layout', file, '-']);
export const pdffonts = (file: string): string => run('pdffonts', [file]);

/** The font rows of `pdffonts`: name, embedded, subset. */
export function fontRows(file: string): { name: string; emb: string; sub: string }[] {
  return pdffonts(file)
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => {
      const cols = l.trim().split(/\s+/);
      // name type... encoding emb sub uni objectID gen: emb/sub/uni are the 5th, 4th, 3rd from the end
      return { name: cols[0] ?? '', emb: cols[cols.length - 5] ?? '', sub: cols[cols.length - 4] ?? '' };
    });
}

export const POPPLER = have('pdftotext') && have('pdffonts') && have('pdftoppm');
export const NO_POPPLER = 'poppler-utils (pdftotext, pdffonts, pdftoppm) not installed';
