/**
 * renderer/src/app/rareHan.css declares the bundled fallback for rare characters of names (HanaMinB's
 * CJK Extension B–F pieces from the npm package hanamin): its pieces and unicode ranges must be the
 * package's own (HanaMin.css), every file must exist, and theme.ts must put the family first.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../..');
const PIECE = /url\("?(?:hanamin\/)?(HanaMinB\.CJK-Unified-Ideographs-Extension-[B-F](?:-\d+)?\.woff2)"?\)/;

/** [file, unicode-range] of each @font-face of a style sheet that loads a HanaMinB Extension B–F piece. */
function pieces(css: string): [string, string][] {
  return [...css.matchAll(/@font-face\s*{([^}]*)}/g)].flatMap((m) => {
    const body = m[1] ?? '';
    const file = PIECE.exec(body)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(body)?.[1]?.trim();
    return file && range ? [[file, range] as [string, string]] : [];
  });
}

describe('the renderer’s fallback font for rare characters', () => {
  const ours = readFileSync(join(ROOT, 'renderer/src/app/rareHan.css'), 'utf8');

  it('loads the pieces of the hanamin package, with its ranges', () => {
    const theirs = pieces(readFileSync(join(ROOT, 'node_modules/hanamin/HanaMin.css'), 'utf8'));
    expect(theirs.length).toBe(62);
    expect(pieces(ours)).toEqual(theirs);
    for (const [file] of theirs) expect(existsSync(join(ROOT, 'node_modules/hanamin', file)), file).toBe(true);
  });

  it('is one family, only by url (no local() font of another version), and first in the theme’s stack', () => {
    const families = new Set([...ours.matchAll(/font-family:\s*"([^"]+)"/g)].map((m) => m[1]));
    expect([...families]).toEqual(['LTC Rare Han']);
    expect(ours).not.toMatch(/local\(/);
    // theme.ts (the renderer's, read as text: this project does not compile the renderer)
    const theme = readFileSync(join(ROOT, 'renderer/src/app/theme.ts'), 'utf8');
    expect(theme).toContain("import './rareHan.css';");
    expect(theme).toContain("export const RARE_HAN_FAMILY = 'LTC Rare Han';");
    expect(theme).toMatch(/fontFamily: `"\$\{RARE_HAN_FAMILY\}", "Microsoft YaHei"/);
  });
});
