/**
 * What the desktop app may hand to the system's opener (issue 16 §3): the print copies it wrote, by
 * extension; folders that are folders. Anything else, or a link out of the print-copy folder, is refused.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mayOpenFile, mayOpenFolder } from '../../../electron/services/app/openGuard';
import { writePrintCopy } from '../../../electron/services/claims/printCopy';
import { tempDir } from '../services/helpers';

describe('the desktop opens only what it wrote', () => {
  it('a print copy of a stored PDF, workbook or claim.json opens; another extension, or a file elsewhere, does not', () => {
    const root = tempDir();
    const pdf = writePrintCopy(7, { name: '结算申报汇总表.pdf', bytes: new Uint8Array([1]) }, root);
    const xlsx = writePrintCopy(7, { name: 'claim.xlsx', bytes: new Uint8Array([1]) }, root);
    expect(mayOpenFile(pdf, root)).toBe(true);
    expect(mayOpenFile(xlsx, root)).toBe(true);
    const exe = writePrintCopy(7, { name: '安装.exe', bytes: new Uint8Array([1]) }, root);
    expect(mayOpenFile(exe, root)).toBe(false);
    const elsewhere = path.join(tempDir(), 'other.pdf');
    writeFileSync(elsewhere, 'x');
    expect(mayOpenFile(elsewhere, root)).toBe(false);
    expect(mayOpenFile(path.join(root, '7', 'missing.pdf'), root)).toBe(false);
  });

  it('a link planted in the print folder that points outside it is refused', () => {
    const root = tempDir();
    mkdirSync(path.join(root, '7'));
    const target = path.join(tempDir(), 'secret.pdf');
    writeFileSync(target, 'x');
    const link = path.join(root, '7', 'looks-fine.pdf');
    symlinkSync(target, link);
    expect(mayOpenFile(link, root)).toBe(false);
  });

  it('a folder opens only when it is a folder', () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.bat');
    writeFileSync(file, 'x');
    expect(mayOpenFolder(dir)).toBe(true);
    expect(mayOpenFolder(file)).toBe(false);
    expect(mayOpenFolder(path.join(dir, 'missing'))).toBe(false);
  });
});
