import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ServiceError } from '../../../electron/services/errors';
import { ordered } from '../../../electron/services/documents/claimJson';
import { BUNDLED_FONT_FILES, findPdfFonts } from '../../../electron/services/documents/fonts';
import { dateLabel, dayRanges, hoursLabel, levelLabel, monthLabel, partFileName } from '../../../electron/services/documents/format';
import { partLabel, splitByWeight } from '../../../electron/services/documents/split';
import { yuanInWords } from '../../../electron/services/documents/yuanWords';
import { dosDateTime, setZipEntryDates } from '../../../electron/services/documents/zipDates';
import { tempDir } from './support';

describe('金额大写', () => {
  it.each([
    [261200, '贰仟陆佰壹拾贰元整'],
    [437000, '肆仟叁佰柒拾元整'],
    [0, '零元整'],
    [5, '伍分'],
    [50, '伍角'],
    [10005, '壹佰元零伍分'],
    [12030, '壹佰贰拾元叁角'],
    [100500, '壹仟零伍元整'],
    [1000000, '壹万元整'],
    [1000500, '壹万零伍元整'],
    [11000000, '壹拾壹万元整'],
    [10100000, '壹拾万壹仟元整'],
    [123456789, '壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分'],
    [10000000005, '壹亿元零伍分'],
    [10000100000, '壹亿零壹仟元整'],
    [-261200, '负贰仟陆佰壹拾贰元整'],
  ])('%i fen → %s', (fen, words) => {
    expect(yuanInWords(fen)).toBe(words);
  });
});

describe('how documents print dates, days and levels', () => {
  it('prints months, dates and levels as forms do', () => {
    expect(monthLabel('2026-03')).toBe('2026年3月');
    expect(dateLabel('2026-11-05')).toBe('2026年11月5日');
    expect(levelLabel(4)).toBe('4级（重度失能Ⅱ级）');
    expect(hoursLabel(190)).toBe('3.17');
  });

  it('writes days as runs', () => {
    expect(dayRanges(['2026-10-12', '2026-10-10', '2026-10-11', '2026-10-14', '2026-10-18', '2026-10-19'])).toBe('10日—12日、14日、18日—19日');
    expect(dayRanges([])).toBe('无');
  });

  it('numbers the parts of a split document', () => {
    expect(partFileName('个人结算明细', 0, 1)).toBe('个人结算明细.pdf');
    expect(partFileName('个人结算明细', 2, 12)).toBe('个人结算明细-03.pdf');
    expect(partFileName('个人结算明细', 2, 120)).toBe('个人结算明细-003.pdf');
    expect(partLabel(1, 5, 421, 840)).toBe('第2部分，共5部分（序号 421—840）');
    expect(partLabel(0, 1, 1, 3)).toBeUndefined();
  });
});

describe('splitting by weight', () => {
  it('fills parts up to the budget, gives an oversized item a part of its own, keeps order', () => {
    expect(splitByWeight([3, 3, 3, 10, 1, 1], (n) => n, 6)).toEqual([[3, 3], [3], [10], [1, 1]]);
    expect(splitByWeight([], (n: number) => n, 6)).toEqual([[]]);
  });
});

describe('stable key order', () => {
  it('puts the listed keys first, then the others sorted, dropping undefined', () => {
    expect(Object.keys(ordered({ z: 1, b: 2, a: 3, u: undefined, id: 4 }, ['id', 'a']))).toEqual(['id', 'a', 'b', 'z']);
  });
});

describe('zip entry dates', () => {
  it('encodes a date as MS-DOS date and time', () => {
    expect(dosDateTime('2026-11-05')).toEqual({ date: ((2026 - 1980) << 9) | (11 << 5) | 5, time: 0 });
    expect(() => dosDateTime('1979-12-31')).toThrow(RangeError);
  });

  it('refuses bytes that are not a zip archive', () => {
    expect(() => setZipEntryDates(new Uint8Array(100), '2026-11-05')).toThrow(/not a zip/);
  });
});

describe('finding the PDF font', () => {
  it('prefers the bundled Noto Sans SC files in resources/fonts', () => {
    const dir = join(tempDir(), 'fonts');
    mkdirSync(dir);
    for (const f of Object.values(BUNDLED_FONT_FILES)) writeFileSync(join(dir, f), 'ttf');
    expect(findPdfFonts({ dirs: ['/nonexistent', dir] })).toEqual({
      regular: { file: join(dir, BUNDLED_FONT_FILES.regular) },
      bold: { file: join(dir, BUNDLED_FONT_FILES.bold) },
      source: 'bundled',
    });
  });

  it('needs both weights to use the bundled copy', () => {
    const dir = tempDir();
    writeFileSync(join(dir, BUNDLED_FONT_FILES.regular), 'ttf');
    expect(() => findPdfFonts({ dirs: [dir], systemFallback: false })).toThrow(ServiceError);
  });

  it('says in Chinese what is missing when there is no font at all', () => {
    expect(() => findPdfFonts({ dirs: [], systemFallback: false })).toThrow(/找不到生成PDF所需的中文字体/);
  });
});
