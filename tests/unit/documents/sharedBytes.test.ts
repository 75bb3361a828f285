/**
 * The claim worker keeps a package's files in shared memory (claimWorker.ts, buildPackage.ts `shared`), so
 * that posting them to the owner detaches none of its buffers: the files must be the same bytes either way,
 * made in this thread or by the built PDF worker (out/main/pdfWorker.js: run `npm run build` first).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildClaimPackage } from '../../../electron/services/documents/buildPackage';
import { findPdfFonts } from '../../../electron/services/documents/fonts';
import { builtPdfWorker } from '../../../electron/services/documents/renderPool';
import { inSharedMemory } from '../../../electron/services/documents/sharedBytes';
import { sampleInput } from './support';

describe('a package kept in shared memory', () => {
  it('copies bytes into a SharedArrayBuffer once', () => {
    const shared = inSharedMemory(new Uint8Array([1, 2, 3]));
    expect(shared.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect([...shared]).toEqual([1, 2, 3]);
    expect(inSharedMemory(shared)).toBe(shared);
  });

  it('has the same files, every one of them shared, from this thread and from the PDF worker', async () => {
    const workerFile = builtPdfWorker(path.resolve(__dirname, '../../../out/main'));
    if (!workerFile || !existsSync(workerFile)) throw new Error('out/main/pdfWorker.js is missing: run `npm run build` before these tests');
    const fonts = findPdfFonts();
    const plain = await buildClaimPackage(sampleInput(), { fonts, pdfWorker: null });
    for (const pdfWorker of [null, workerFile]) {
      const shared = await buildClaimPackage(sampleInput(), { fonts, pdfWorker, shared: true });
      expect(shared.map((f) => [f.name, f.sha256])).toEqual(plain.map((f) => [f.name, f.sha256]));
      for (const [i, f] of shared.entries()) {
        expect(f.bytes.buffer, f.name).toBeInstanceOf(SharedArrayBuffer);
        expect(Buffer.from(f.bytes).equals(Buffer.from(plain[i]!.bytes)), f.name).toBe(true);
      }
    }
  });
});
