/**
 * A resident named 𠮷㐱 (𠮷 U+20BB7: CJK Extension B, in no font of many office PCs) shows on the
 * residents list with a real glyph: the bundled fallback face (renderer/src/app/rareHan.css, first in
 * the font stack of theme.ts) is loaded for it, and the name's pixels are not the missing-glyph box.
 * The same for 王𰀀 (𰀀 U+30000: CJK Extension G, Plane 3), drawn from BabelStone Han's piece (rarePlane3.css).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ResidentsPage } from './pages/ResidentsPage';
import { importDataset } from './support/dataset';
import { expect, screenshot, test } from './support/fixtures';
import { ROOT } from './support/host';
import sample from '../fixtures/sample-ningbo.json';

const NAME = '𠮷㐱';

test('a resident named 𠮷㐱 shows on the residents list in the bundled fallback font, not as boxes', async ({ page, host }, testInfo) => {
  const dataset = structuredClone(sample);
  const r1 = dataset.residents.find((r) => r.ref === 'r1');
  if (r1) r1.name = NAME;
  const file = testInfo.outputPath('rare-names.json');
  writeFileSync(file, JSON.stringify(dataset));
  const seeded = importDataset(host.dbFile, file);
  expect(seeded.code, seeded.stderr).toBe(0);

  const list = new ResidentsPage(page);
  await list.open();
  const link = list.row(NAME).getByRole('link', { name: NAME });
  await expect(link).toHaveText(NAME);
  await page.evaluate(() => document.fonts.ready);
  await screenshot(page, 'rare-name-residents');

  // Chromium loads a unicode-range face only for text that needs it: the piece holding U+20BB7 was loaded
  const loaded = await page.evaluate(() =>
    [...document.fonts].filter((f) => f.family.replace(/"/g, '') === 'LTC Rare Han' && f.status === 'loaded').map((f) => f.unicodeRange.toUpperCase()),
  );
  expect(loaded).toContain('U+20800-20BFF');

  // Pixels: the name as drawn, against the same link with 𠮷 swapped for code points no font has. Two such
  // code points draw the same box (so the box does not depend on the code point); the name does not.
  const cell = await link.elementHandle();
  if (!cell) throw new Error('the name link is gone');
  const shot = async (text: string) => {
    await cell.evaluate((el, t) => (el.textContent = t), text);
    return cell.screenshot({ animations: 'disabled' });
  };
  const name = await shot(NAME);
  const box1 = await shot('\u{10FFFD}㐱');
  const box2 = await shot('\u{10FFFC}㐱');
  expect(box1.equals(box2), 'two code points without a glyph draw the same box').toBe(true);
  expect(name.equals(box1), '𠮷 is drawn as a glyph, not the box').toBe(false);
  writeFileSync(join(ROOT, 'test-results', 'screens', 'rare-name-cell.png'), name);
});

test('a resident named 王𰀀 (Extension G) shows in the bundled Plane-3 face, not as a box', async ({ page, host }, testInfo) => {
  const plane3 = '王𰀀';
  const dataset = structuredClone(sample);
  const r1 = dataset.residents.find((r) => r.ref === 'r1');
  if (r1) r1.name = plane3;
  const file = testInfo.outputPath('plane3-names.json');
  writeFileSync(file, JSON.stringify(dataset));
  const seeded = importDataset(host.dbFile, file);
  expect(seeded.code, seeded.stderr).toBe(0);

  const list = new ResidentsPage(page);
  await list.open();
  const link = list.row(plane3).getByRole('link', { name: plane3 });
  await expect(link).toHaveText(plane3);
  await page.evaluate(() => document.fonts.ready);
  await screenshot(page, 'rare-name-plane3-residents');

  // the bundled piece of U+30000–U+303FF was loaded for it (this machine's own fonts are not what draws it)
  const loaded = await page.evaluate(() =>
    [...document.fonts].filter((f) => f.family.replace(/"/g, '') === 'LTC Rare Han' && f.status === 'loaded').map((f) => f.unicodeRange.toUpperCase()),
  );
  expect(loaded).toContain('U+30000-303FF');

  const cell = await link.elementHandle();
  if (!cell) throw new Error('the name link is gone');
  const shot = async (text: string) => {
    await cell.evaluate((el, t) => (el.textContent = t), text);
    return cell.screenshot({ animations: 'disabled' });
  };
  const name = await shot(plane3);
  const box = await shot('王\u{10FFFD}');
  expect(name.equals(box), '𰀀 is drawn as a glyph, not the box').toBe(false);
});
