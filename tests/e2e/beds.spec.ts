import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { BedsPage } from './pages/BedsPage';
import { expect, screenshot, test } from './support/fixtures';
import { OUT_DIR, ROOT } from './support/host';

/**
 * `ltc import` from the build under test (the host's own), so the file the host created is opened by
 * the same schema version (bin/ltc.cjs would use out/, which may be an older build).
 */
const importSample = (db: string) =>
  spawnSync(process.execPath, [join(OUT_DIR, 'main/cli.js'), 'import', '--db', db, 'tests/fixtures/sample-ningbo.json'], { cwd: ROOT, encoding: 'utf8' });

test.beforeEach(({ host }) => {
  // the sample residents: 王秀英 in bed 2-201-1 (hospital 10-15 … 10-17), 李建国 in 2-202-1, 赵德胜 in 3-301-2
  const r = importSample(host.dbFile);
  expect(r.status, r.stderr).toBe(0);
});

test('the board shows who occupies each bed on the chosen day, derived from the stays', async ({ page }) => {
  const beds = new BedsPage(page);
  await beds.open('?tab=manage');
  for (const code of ['2-201-1', '2-201-2', '2-202-1']) await beds.addBed({ code });
  // floor and room are read from a code like 2-201-1 when left empty
  await expect(beds.row('2-201-2')).toContainText('2-201');
  await screenshot(page, '46-beds-manage');

  await beds.board('2026-10-16');
  await expect(beds.bed('2-201-1')).toContainText('王秀英');
  await expect(beds.bed('2-201-1')).toContainText('住院（保留床位）');
  await expect(beds.bed('2-202-1')).toContainText('李建国');
  await expect(beds.bed('2-202-1')).toContainText('在住');
  await expect(beds.bed('2-201-2')).toContainText('空闲');
  await expect(beds.counts()).toContainText('床位总数3');
  await expect(beds.counts()).toContainText('已占用2');
  await expect(beds.counts()).toContainText('空闲1');
  // a bed code the stays use but nobody registered is pointed out
  await expect(page.getByText('3-301-2（赵德胜）')).toBeVisible();
  await screenshot(page, '45-beds-board');

  // the discharge day frees the bed (算入不算出)
  await beds.board('2026-10-25');
  await expect(beds.bed('2-201-1')).toContainText('空闲');
  await expect(beds.counts()).toContainText('已占用1');
});

test('a bed a stay names cannot be deleted; an unused one can, after confirming', async ({ page }) => {
  const beds = new BedsPage(page);
  await beds.open('?tab=manage');
  await beds.addBed({ code: '2-202-1' });
  await beds.addBed({ code: '2-209-9', note: '备用床' });
  await beds.deleteBed('2-202-1');
  await expect(page.getByText('床位 2-202-1 有 1 条入住记录使用，不能删除')).toBeVisible();
  await beds.deleteBed('2-209-9');
  await expect(page.getByText('床位已删除')).toBeVisible();
  await expect(beds.rows()).toHaveCount(1);
});
