import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it, type TestContext } from 'vitest';
import { findPdfFonts } from '../../../electron/services/documents/fonts';
import { pdfDocument } from '../../../electron/services/documents/pdfBase';
import { renderPdfs } from '../../../electron/services/documents/renderPool';
import expected from '../../fixtures/sample-ningbo.expected-2026-10.json';
import { buildToDir, fontRows, GENERATED_ON, NO_POPPLER, pdftotext, POPPLER, run, sampleInput, sampleRecords, tempDir, type Built } from './support';

const PDFS = ['结算申报汇总表.pdf', '个人结算明细.pdf', '床日统计表.pdf', '上门服务记录明细.pdf'];
/** pdftotext -layout spaces columns apart; compare text with all white space removed. */
const squash = (s: string) => s.replace(/\s+/g, '');

/** Skips a test, saying why, where poppler-utils is missing. */
const needPoppler = (ctx: TestContext) => {
  if (!POPPLER) ctx.skip(NO_POPPLER);
};

describe('the PDFs of the sample package', () => {
  let built: Built;
  const texts = new Map<string, string>();
  beforeEach(needPoppler);
  beforeAll(async () => {
    if (!POPPLER) return;
    built = await buildToDir(sampleInput());
    for (const name of PDFS) texts.set(name, squash(pdftotext(built.path(name))));
  });
  const textOf = (name: string) => texts.get(name) ?? '';

  it('embed only subsets of the CJK font', () => {
    for (const name of PDFS) {
      const rows = fontRows(built.path(name));
      expect(rows.length, name).toBeGreaterThan(0);
      for (const r of rows) {
        expect(r.name, name).toMatch(/^[A-Z]{6}\+NotoSans/);
        expect([r.emb, r.sub], `${name} ${r.name}`).toEqual(['yes', 'yes']);
      }
    }
  });

  it('summary: institution, month, totals by mode, the fee and the fund share in words, signature and seal boxes', () => {
    const t = textOf('结算申报汇总表.pdf');
    for (const s of [
      '长期护理保险结算申报汇总表',
      '宁波市江北区颐康护理院',
      '91110000600037341L',
      'H33020500008',
      '2026年10月',
      '机构护理 2 43 0 0 4,180.00 2,460.00 1,720.00',
      '居家护理 1 0 190 3 190.00 152.00 38.00',
      '合计 3 43 190 3 4,370.00 2,612.00 1,758.00',
      '4,370.00',
      '2,612.00',
      '1,758.00',
      '人民币贰仟陆佰壹拾贰元整',
      '经办人签字',
      '机构负责人签字',
      '机构盖章',
      '填报日期：2026年11月5日',
    ]) {
      expect(t, s).toContain(squash(s));
    }
  });

  it('personal detail: each line with its amounts and the days or visits behind it, ID numbers masked', () => {
    const t = textOf('个人结算明细.pdf');
    for (const line of expected.lines) {
      expect(t).toContain(line.name);
      expect(t).toContain(`${line.idNumber.slice(0, 6)}********${line.idNumber.slice(-4)}`);
    }
    expect(t).toContain(squash('1,080.00 600.00 480.00'));
    expect(t).toContain(squash('3,100.00 1,860.00 1,240.00'));
    expect(t).toContain(squash('计费床日 12 天 10日—14日、18日—24日'));
    expect(t).toContain(squash('住院 3 天（不计费） 15日—17日'));
    expect(t).toContain(squash('10-02 09:00—10:00 60 施银萍 头面部清洁、梳理'));
  });

  it('never prints a whole ID number', () => {
    const ids = [...sampleRecords().residents, ...sampleRecords().staff].map((p) => p.idNumber);
    for (const name of PDFS) for (const id of ids) expect(textOf(name), `${name} ${id}`).not.toContain(id);
  });

  it('bed-day table: the register, a row per institutional resident with a mark a day and the day totals', () => {
    const t = textOf('床日统计表.pdf');
    expect(t).toContain('王秀英');
    expect(t).toContain('李建国');
    expect(t).not.toContain('陈淑芬'); // home care only
    // 王秀英: 入 10-10, ✓ 11–14, H 15–17, ✓ 18–24, 出 10-25; 在院 12 住院 3 请假 0 计费 12
    expect(t).toContain(squash('入 ✓ ✓ ✓ ✓ H H H ✓ ✓ ✓ ✓ ✓ ✓ ✓ 出 12 3 0 12'));
    expect(t).toContain(squash(`${'✓ '.repeat(31)}31 0 0 31`));
    expect(t).toContain(squash('1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 在院 住院 请假 计费'));
    expect(t).toContain('四五六日一二三'); // 2026-10-01 is a Thursday
    expect((t.match(/✓/g) ?? []).length).toBe(1 + 11 + 31); // the legend's, then 王秀英's and 李建国's present days
  });

  it('visit records: every visit of the month with caregiver, times, items, confirmation and outcome', () => {
    const t = textOf('上门服务记录明细.pdf');
    for (const s of [
      '陈淑芬',
      '1 10-02 施银萍 09:00—10:00 60 头面部清洁、梳理',
      '3 10-12 陈淑霞 15:00—15:40 40',
      '不计入：服务时长不足',
      '不计入：医疗护理项目需护士执业证书',
      '未确认 不计入：未签字确认',
      '计入 3 次',
    ]) {
      expect(t, s).toContain(squash(s));
    }
  });

  it('render to images (looked at by eye: /tmp/ltc-documents-*/png while the test runs)', () => {
    const out = tempDir();
    for (const name of PDFS) {
      run('pdftoppm', ['-r', '60', '-png', built.path(name), join(out, name.replace('.pdf', ''))]);
      const png = readFileSync(join(out, `${name.replace('.pdf', '')}-1.png`));
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    }
  });
});

describe('rare characters in names', () => {
  beforeEach(needPoppler);

  it('prints 镕 and 龘 from the embedded font', async () => {
    const records = sampleRecords();
    const r1 = records.residents.find((r) => r.ref === 'r1');
    if (r1) r1.name = '王镕龘';
    const built = await buildToDir(sampleInput(records));
    expect(squash(pdftotext(built.path('个人结算明细.pdf')))).toContain('王镕龘');
    expect(squash(pdftotext(built.path('床日统计表.pdf')))).toContain('王镕龘');
  });

  it('draws real glyphs for them, not the missing-glyph box', async () => {
    // Three one-glyph pages: two rare characters and a code point no font has. A font lacking a
    // glyph draws the same .notdef box for each, so distinct images prove distinct glyphs.
    const meta = { institution: { name: '', uscc: '', agencyCode: '' }, month: '2026-10', kind: 'regular' as const, generatedOn: GENERATED_ON };
    const jobs = ['镕', '龘', '\u{10FFFD}'].map((ch, i) => ({
      name: `g${i}.pdf`,
      build: () => pdfDocument({ ...meta, title: 't' }, [{ text: ch, fontSize: 120 }]),
    }));
    const pdfs = await renderPdfs(jobs, { fonts: findPdfFonts(), workers: 1 });
    const dir = tempDir();
    const images = pdfs.map((p) => {
      const file = join(dir, p.name);
      writeFileSync(file, p.bytes);
      run('pdftoppm', ['-r', '20', '-gray', '-singlefile', file, file]);
      return readFileSync(`${file}.pgm`).toString('base64');
    });
    expect(new Set(images).size).toBe(3);
  });
});
