/**
 * renderer/src/app/rareHan.css declares the bundled fallback for rare characters of names (HanaMinB's
 * CJK Extension B–F pieces from the npm package hanamin): its pieces and unicode ranges must be the
 * package's own (HanaMin.css), every file must exist, and theme.ts must put the family first.
 * rarePlane3.css does the same for Extensions G and H with BabelStone Han's pieces
 * (resources/vendor-fonts/BabelStoneHan-Plane3): one face per piece of its index.json, over that piece's
 * range, in the same family.
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
    // theme.ts (the renderer's, read as text: this project does not compile the renderer); App.tsx imports
    // the stylesheet beside the theme (theme.ts stays plain data, which the build reads too)
    const theme = readFileSync(join(ROOT, 'renderer/src/app/theme.ts'), 'utf8');
    expect(readFileSync(join(ROOT, 'renderer/src/app/App.tsx'), 'utf8')).toContain("import './rareHan.css';");
    expect(theme).toContain("export const RARE_HAN_FAMILY = 'LTC Rare Han';");
    expect(theme).toMatch(/fontFamily: `"\$\{RARE_HAN_FAMILY\}", "Microsoft YaHei"/);
  });
});

describe('the renderer’s fallback font for Extensions G and H (Plane 3)', () => {
  const ours = readFileSync(join(ROOT, 'renderer/src/app/rarePlane3.css'), 'utf8');
  const dir = join(ROOT, 'resources/vendor-fonts/BabelStoneHan-Plane3');
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as { faces: { woff2: string; ranges: [number, number][] }[] };
  const faces = [...ours.matchAll(/@font-face\s*{([^}]*)}/g)].map((m) => {
    const body = m[1] ?? '';
    return {
      family: /font-family:\s*"([^"]+)"/.exec(body)?.[1],
      file: /url\("\.\.\/\.\.\/\.\.\/resources\/vendor-fonts\/BabelStoneHan-Plane3\/([^"]+)"\)/.exec(body)?.[1],
      range: /unicode-range:\s*U\+([0-9a-f]+)-([0-9a-f]+);/i
        .exec(body)
        ?.slice(1)
        .map((h) => parseInt(h, 16)),
    };
  });

  it('loads each piece of the index, in the same family, over a range holding that piece’s characters and only Plane 3', () => {
    expect(faces.map((f) => f.file)).toEqual(index.faces.map((f) => f.woff2));
    for (const [i, face] of faces.entries()) {
      const piece = index.faces[i]!;
      expect(face.family).toBe('LTC Rare Han');
      expect(existsSync(join(dir, face.file ?? '')), face.file).toBe(true);
      const [from = 0, to = 0] = face.range ?? [];
      expect(from).toBeGreaterThanOrEqual(0x30000);
      expect(to).toBeLessThanOrEqual(0x323af);
      for (const [a, b] of piece.ranges) expect(a >= from && b <= to, `${face.file} U+${a.toString(16)}`).toBe(true);
    }
    // no two faces claim the same code point
    const sorted = faces.map((f) => f.range ?? [0, 0]).sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]![0]).toBeGreaterThan(sorted[i - 1]![1]!);
  });

  it('is imported by App.tsx beside rareHan.css, with no local() font', () => {
    expect(ours).not.toMatch(/local\(/);
    expect(readFileSync(join(ROOT, 'renderer/src/app/App.tsx'), 'utf8')).toContain("import './rarePlane3.css';");
  });
});
