/**
 * 检查准备's work in the built inspection worker (out/main/inspectWorker.js), as the app runs it: the same
 * board, self-audit, sample and evidence pack (byte for byte) as in the calling thread, progress reported
 * while the board and the pack are made, and the worker never keeps the process alive once it has
 * answered (the test ending is the proof). Needs `npm run build` first (npm test does it).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { serviceToday } from '../../../electron/services/db/clock';
import { findPdfFonts } from '../../../electron/services/documents/fonts';
import { inspectOffThread } from '../../../electron/services/inspection/inspectOffThread';
import type { InspectTask } from '../../../electron/services/inspection/inspectTasks';
import { DEFAULT_INSPECTION_SETTINGS } from '../../../shared/inspection/settings';
import { MONTH, PERIOD, setup } from './support';

const WORKER = path.resolve(__dirname, '../../../out/main/inspectWorker.js');
beforeAll(() => {
  if (!existsSync(WORKER)) throw new Error('out/main/inspectWorker.js is missing: run `npm run build` before these tests');
});

const settings = DEFAULT_INSPECTION_SETTINGS;
const request = { ...PERIOD, residents: 3, days: 2, seed: 42 };

describe('the inspection worker', () => {
  it('answers as the calling thread does, with progress', async () => {
    const { db } = setup();
    const tasks: InspectTask[] = [
      { task: 'board', month: MONTH, today: serviceToday(), settings },
      { task: 'selfAudit', period: PERIOD, settings },
      { task: 'sample', request, settings },
    ];
    for (const t of tasks) {
      const seen: unknown[] = [];
      const off = await inspectOffThread(db, t, (p) => seen.push(p), WORKER);
      const here = await inspectOffThread(db, t, () => undefined, null);
      expect(off, t.task).toEqual(here);
      if (t.task === 'board') expect(seen.length, 'board progress').toBeGreaterThan(0);
    }
  });

  it('makes the same evidence pack, byte for byte', async () => {
    const { db } = setup();
    const t: InspectTask = { task: 'pack', request, settings, generatedOn: '2026-12-06', fonts: findPdfFonts() };
    const seen: unknown[] = [];
    const off = await inspectOffThread(db, t, (p) => seen.push(p), WORKER);
    const here = await inspectOffThread(db, t, () => undefined, null);
    expect(off.sha256).toBe(here.sha256);
    expect(off.pages).toBe(here.pages);
    expect(Buffer.from(off.bytes).equals(Buffer.from(here.bytes))).toBe(true);
    expect(seen.length).toBeGreaterThan(0);
  });
});
