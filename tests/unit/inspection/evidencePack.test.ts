/**
 * The evidence pack read as an inspector reads it (pdftotext, poppler-utils): the table of contents and
 * its seven sections, page numbers, the sample's seed, and no identity number in full.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FileDownload } from '../../../shared/api/define';
import { tempDir } from '../services/helpers';
import { PERIOD, setup } from './support';

describe('the evidence pack', () => {
  it('has a table of contents, page numbers and masked ID numbers', async (ctx) => {
    if (!existsSync('/usr/bin/pdftotext')) return ctx.skip('poppler-utils (pdftotext) not installed');
    const { db, call, job } = setup();
    const a = await job<FileDownload & { sha256: string; pages: number }>(
      await call('inspection.evidencePack', { ...PERIOD, residents: 3, days: 2, seed: 42 }),
    );
    const file = path.join(tempDir(), 'pack.pdf');
    writeFileSync(file, Buffer.from(a.base64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    for (const heading of [
      '目录',
      '一、机构与协议信息',
      '二、护理人员名册及证书',
      '三、结算服务对象及有效评估',
      '四、抽查日在住与结算对照',
      '五、抽查服务记录证据',
      '六、自查发现及处理',
      '七、审计日志摘录',
    ]) {
      expect(text, heading).toContain(heading);
    }
    expect(text).toContain(`第 1 / ${a.pages} 页`);
    expect(text).toContain('随机种子 42');
    const ids = db.raw.prepare('SELECT id_number FROM residents UNION SELECT id_number FROM staff').pluck().all() as string[];
    for (const id of ids) expect(text).not.toContain(id);
    expect(text).toMatch(/3302\d\d\*{8}\d{3}[\dX]/);
  });
});
