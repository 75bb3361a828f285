/**
 * The BUILT main process (out/main/index.js) with a stand-in `electron` (tests/support/electronStandIn.cjs)
 * on a user data folder whose database is damaged: no error box and no quit as before safe mode, but the
 * window, whose first call says safe mode and why, and a normal call refused with SAFE_MODE.
 * Needs `npm run build` first (npm test does it).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../services/helpers';
import { requireBuiltMain, runBuiltMain } from './builtMain';

interface Answer {
  value?: { ok: boolean; value?: { mode: string; failure?: { kind: string; title: string; file: string }; shell?: string }; error?: { code: string } };
  thrown?: string;
}

beforeAll(requireBuiltMain);

const run = (userData: string) => runBuiltMain<{ errors: string[]; quit: number; windows: unknown[]; status: Answer; residents: Answer }>(userData);

describe('the main process on a database it cannot open', () => {
  it('starts in safe mode: a window, no error box, no quit; the window learns why; normal calls are refused', () => {
    const userData = tempDir();
    const file = path.join(userData, 'ltc-desk.db');
    writeFileSync(file, '这不是数据库'.repeat(500));
    const rec = run(userData);
    expect(rec.errors).toEqual([]);
    expect(rec.quit).toBe(0);
    expect(rec.windows).toHaveLength(1);
    expect(rec.status.value).toEqual({
      ok: true,
      value: { mode: 'safe', shell: 'desktop', failure: expect.objectContaining({ kind: 'corrupt', title: '文件已损坏', file }) },
    });
    expect(rec.residents.value).toMatchObject({ ok: false, error: { code: 'SAFE_MODE' } });
  });

  it('a sound (new) database: normal mode', () => {
    const rec = run(tempDir());
    expect(rec.status.value).toEqual({ ok: true, value: { mode: 'normal' } });
    expect(rec.residents.value).toMatchObject({ ok: true });
  });
});
