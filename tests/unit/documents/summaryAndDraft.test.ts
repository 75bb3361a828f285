/**
 * Issue 11, as the agency's clerk reads the package: the signed summary states only what is claimed
 * (no problem list, no English word, no internal code), with the institution's address, phone and bank
 * when set, the fee in words, and the month's rates; the institution's own problem list is 问题清单.pdf,
 * not uploaded; a draft is unmistakable on every page and sheet, a submitted package names who, when and
 * its number. Every check reads the produced files (pdftotext, exceljs), and the expected values come from
 * the sample's expected claim and DOMAIN.md (the Ningbo pack), not from the code under test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, beforeEach, describe, expect, it, type TestContext } from 'vitest';
import expected from '../../fixtures/sample-ningbo.expected-2026-10.json';
import { buildToDir, draftInput, NO_POPPLER, POPPLER, run, sampleInput, sampleRecords, tempDir, type Built } from './support';

const squash = (s: string) => s.replace(/\s+/g, '');
const needPoppler = (ctx: TestContext) => {
  if (!POPPLER) ctx.skip(NO_POPPLER);
};

/** The issue codes of DOMAIN.md §8 and the product's extensions (docs/rules.md §8.3). */
const CODES = [
  'NO_ASSESSMENT',
  'LEVEL_NOT_ELIGIBLE',
  'ASSESSMENT_EXPIRING',
  'HOSPITAL_DAY',
  'LEAVE_DAY',
  'VISIT_IN_HOSPITAL',
  'MODE_CONFLICT',
  'AFTER_DEATH',
  'CERT_INVALID',
  'NURSE_REQUIRED',
  'VISIT_OVERLAP',
  'NO_SERVICE_PERIOD',
  'VISIT_TOO_SHORT',
  'VISIT_UNCONFIRMED',
  'OVER_QUOTA',
  'BAD_ID_NUMBER',
  'MODE_NOT_COVERED',
  'PRICE_MISSING',
  'PRICE_ZERO',
  'CLAIM_REDUCED',
];

/**
 * 未计入本次申报的记录 of the expected claim, which lists day issues one a day: each day an error kept
 * out, each visit an error or a warning kept out.
 */
const UNCLAIMED = new Set(
  expected.issues
    .filter((i) => ('visit' in i ? i.severity !== 'info' : i.severity === 'error'))
    .map((i) => ('visit' in i ? `v ${i.visit}` : `${i.idNumber} ${i.date}`)),
).size;

const pages = (file: string): number => Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [file]))?.[1] ?? 0);
const pageText = (file: string, page: number): string => run('pdftotext', ['-f', String(page), '-l', String(page), file, '-']);
const pdfsOf = (b: Built) => b.files.filter((f) => f.name.endsWith('.pdf')).map((f) => f.name);

async function workbookOf(b: Built): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(b.file('claim.xlsx').bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

const cellTexts = (ws: ExcelJS.Worksheet): string[] => {
  const out: string[] = [];
  ws.eachRow((row) => row.eachCell((c) => out.push(String(c.text))));
  return out;
};

/** The sample with many more problems than fit a page: 问题清单 runs over several pages. */
function manyProblems() {
  const records = sampleRecords();
  const ineligible = records.residents.find((r) => r.ref === 'r4');
  if (!ineligible) throw new Error('no r4 in the sample');
  for (let i = 0; i < 60; i++) records.residents.push({ ...structuredClone(ineligible), ref: `r4-${i}`, name: `赵德胜${i}` });
  return records;
}

describe('the submitted summary (结算申报汇总表)', () => {
  let built: Built;
  let text: string;
  beforeEach(needPoppler);
  beforeAll(async () => {
    if (!POPPLER) return;
    built = await buildToDir(sampleInput());
    text = run('pdftotext', ['-layout', built.path('结算申报汇总表.pdf'), '-']);
  });

  it('prints no English word and no issue code, not the policy id nor a file name', () => {
    expect(text.match(/[A-Za-z]{3,}/g) ?? []).toEqual([]);
    for (const code of CODES) expect(text).not.toContain(code);
    expect(text).not.toContain('ningbo');
    expect(text).not.toContain('claim.');
  });

  it('lists no problems: one line counts the records not claimed', () => {
    expect(UNCLAIMED).toBe(34); // 31 days of the level-2 resident, 3 visits (too short, no nurse, unconfirmed)
    expect(squash(text)).toContain(`未计入本次申报的记录${UNCLAIMED}条（原因见明细）`);
    for (const s of ['待处理问题', '失能等级不在支付范围', '未签字确认', '错误', '警告']) expect(text).not.toContain(s);
  });

  it('writes the fee as well as the fund share in words (大写)', () => {
    const t = squash(text);
    expect(t).toContain('费用合计（大写）：人民币肆仟叁佰柒拾元整（¥4,370.00）');
    expect(t).toContain('基金支付合计（大写）：人民币贰仟陆佰壹拾贰元整（¥2,612.00）');
  });

  it("prints the month's rates per mode and level, from which a line can be recomputed", () => {
    const t = squash(text);
    // the sample's price list (80 / 90 / 100 yuan a bed-day, 60 an hour) under ningbo-2022 (DOMAIN.md §6, §7)
    for (const row of [
      '机构护理3级（重度失能Ⅰ级）80.00元/床日70%基金每床日最高40.00元40.00元/床日40.00元/床日',
      '机构护理4级（重度失能Ⅱ级）90.00元/床日70%基金每床日最高50.00元50.00元/床日40.00元/床日',
      '机构护理5级（重度失能Ⅲ级）100.00元/床日70%基金每床日最高60.00元60.00元/床日40.00元/床日',
      '居家护理3级（重度失能Ⅰ级）60.00元/小时80%每月20小时48.00元/小时12.00元/小时',
      '居家护理4级（重度失能Ⅱ级）60.00元/小时80%每月25小时',
      '居家护理5级（重度失能Ⅲ级）60.00元/小时80%每月30小时',
    ]) {
      expect(t, row).toContain(row);
    }
    // 王秀英: 12 days × 50.00 = 600.00 of the expected line, from the printed rate
    const line = expected.lines.find((l) => l.name === '王秀英');
    expect(line?.fundFen).toBe(12 * 5000);
    expect(t).toContain('基金支付=计费床日×每床日基金支付');
  });

  it('names who submitted it, when, and its number (申报序号 0 for the month)', () => {
    expect(squash(text)).toContain('申报人：张丽申报时间：2026年11月5日09:30申报序号：0（正常申报）');
    expect(text).not.toContain('草稿');
  });

  it('prints no address, phone or bank rows when the institution has none', () => {
    for (const s of ['机构地址', '联系电话', '开户银行', '银行账号']) expect(text).not.toContain(s);
  });

  it("prints the institution's address, phone and bank when set", async () => {
    const records = sampleRecords();
    Object.assign(records.institution, {
      address: '浙江省宁波市江北区人民路100号',
      phone: '0574-87654321',
      bankName: '中国工商银行宁波江北支行',
      bankAccount: '3901120009000123456',
    });
    const b = await buildToDir(sampleInput(records));
    const t = squash(run('pdftotext', ['-layout', b.path('结算申报汇总表.pdf'), '-']));
    expect(t).toContain('机构地址浙江省宁波市江北区人民路100号');
    expect(t).toContain('联系电话0574-87654321');
    expect(t).toContain('开户银行中国工商银行宁波江北支行银行账号3901120009000123456');
    // still one page to sign, draft or submitted
    expect(pages(b.path('结算申报汇总表.pdf'))).toBe(1);
    const d = await buildToDir(draftInput(records));
    expect(pages(d.path('结算申报汇总表.pdf'))).toBe(1);
  });

  it('a 补报 carries its number', async () => {
    const input = sampleInput();
    const b = await buildToDir({
      ...input,
      claim: { ...input.claim, kind: 'supplementary' },
      submission: { by: '张丽', at: '2026-11-20T14:05:00.000+08:00', seq: 2 },
    });
    expect(squash(run('pdftotext', ['-layout', b.path('结算申报汇总表.pdf'), '-']))).toContain('申报时间：2026年11月20日14:05申报序号：2（第2次补报）');
  });
});

describe("the institution's problem list (问题清单.pdf)", () => {
  let built: Built;
  let text: string;
  beforeEach(needPoppler);
  beforeAll(async () => {
    if (!POPPLER) return;
    built = await buildToDir(sampleInput());
    text = run('pdftotext', ['-layout', built.path('问题清单.pdf'), '-']);
  });

  it('is in the package and marked in the manifest as not uploaded', () => {
    const manifest = JSON.parse(new TextDecoder().decode(built.file('manifest.json').bytes)) as { files: { name: string; upload: boolean }[] };
    expect(manifest.files.find((f) => f.name === '问题清单.pdf')).toMatchObject({ upload: false });
    expect(manifest.files.filter((f) => f.upload).map((f) => f.name)).toEqual([
      'claim.json',
      'claim.xlsx',
      '结算申报汇总表.pdf',
      '个人结算明细.pdf',
      '床日统计表.pdf',
      '上门服务记录明细.pdf',
    ]);
    expect(text).toContain('不上传经办机构');
  });

  it('names each problem in Chinese, with the person and the visit by its time, never a code or a ref', () => {
    expect(text.match(/[A-Za-z]{3,}/g) ?? []).toEqual([]);
    for (const code of CODES) expect(text).not.toContain(code);
    const t = squash(text);
    for (const s of [
      '失能等级不在支付范围',
      '服务时长不足',
      '医疗护理项目需护士执业证书',
      '未签字确认',
      '住院天数不计费',
      '赵德胜',
      '陈淑芬',
      '330205********006X',
    ]) {
      expect(t, s).toContain(s);
    }
    // v4, the short visit of 10-16, by its day and time
    expect(t).toContain('上门服务（10-1609:00—09:20）时长20分钟');
    // the medical item by its name, not its catalogue code
    expect(t).toContain('含医疗护理项目（肌肉注射）');
    expect(t).not.toMatch(/MC\d/);
    expect(t).toContain(`未计入本次申报的记录${UNCLAIMED}条`);
  });
});

describe('draft or submitted', () => {
  let draft: Built;
  let submitted: Built;
  beforeAll(async () => {
    draft = await buildToDir(draftInput(manyProblems()));
    submitted = await buildToDir(sampleInput(manyProblems()));
  });

  it('every page of every PDF of a draft says 草稿（未申报）; no page of a submitted one does', (ctx) => {
    needPoppler(ctx);
    expect(pdfsOf(draft)).toEqual(pdfsOf(submitted));
    expect(pdfsOf(draft)).toHaveLength(5);
    let checked = 0;
    for (const name of pdfsOf(draft)) {
      for (let p = 1; p <= pages(draft.path(name)); p++, checked++)
        expect(squash(pageText(draft.path(name), p)), `${name} page ${p}`).toContain('草稿（未申报）');
      for (let p = 1; p <= pages(submitted.path(name)); p++) expect(pageText(submitted.path(name), p), `${name} page ${p}`).not.toContain('草稿');
    }
    expect(pages(draft.path('问题清单.pdf'))).toBeGreaterThan(1);
    expect(checked).toBeGreaterThan(5);
  });

  it('the draft watermark is drawn across the page (pdftoppm: the draft page differs from the submitted one)', (ctx) => {
    needPoppler(ctx);
    const dir = tempDir();
    const image = (b: Built, tag: string) => {
      const out = join(dir, tag);
      run('pdftoppm', ['-r', '20', '-gray', '-singlefile', b.path('个人结算明细.pdf'), out]);
      return out + '.pgm';
    };
    // mid-grey pixels (the watermark's letters) in the page's middle third, where the sample's tables leave white
    const grey = (file: string) => {
      const bytes = readFileSync(file);
      const [, w = 0, h = 0] = bytes.toString('latin1', 0, 20).split(/\s+/).map(Number);
      const pixels = bytes.subarray(bytes.length - w * h);
      let n = 0;
      for (let y = Math.floor(h / 2); y < Math.floor((h * 5) / 6); y++) for (let x = 0; x < w; x++) if ((pixels[y * w + x] ?? 255) < 245) n++;
      return n;
    };
    expect(grey(image(draft, 'draft'))).toBeGreaterThan(grey(image(submitted, 'submitted')) + 100);
  });

  it('a draft workbook has a 草稿（未申报） row on top of every sheet; a submitted one none', async () => {
    const d = await workbookOf(draft);
    expect(d.worksheets.length).toBeGreaterThan(1);
    for (const ws of d.worksheets) expect(String(ws.getRow(1).getCell(1).text), ws.name).toContain('草稿（未申报）');
    const s = await workbookOf(submitted);
    for (const ws of s.worksheets) for (const t of cellTexts(ws)) expect(t, ws.name).not.toContain('草稿');
  });

  it('the manifest: a draft says so; a submitted package names 申报人, 申报时间, 申报序号 and the audit chain head it was submitted at', () => {
    const read = (b: Built) => JSON.parse(new TextDecoder().decode(b.file('manifest.json').bytes)) as Record<string, unknown>;
    expect(read(draft)).toMatchObject({ status: 'draft' });
    expect(read(draft)).not.toHaveProperty('submission');
    expect(read(draft)).not.toHaveProperty('auditHead');
    expect(read(submitted)).toMatchObject({
      status: 'submitted',
      submission: { submittedBy: '张丽', submittedAt: '2026-11-05T09:30:00.000+08:00', seq: 0 },
      auditHead: { id: 42, hash: '5f1c0e3a9b7d4c2e8f6a1b3d5c7e9f0a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d0e' },
    });
  });

  it('claim.json is the same claim either way: only the documents differ', () => {
    expect(draft.file('claim.json').sha256).toBe(submitted.file('claim.json').sha256);
    for (const name of ['claim.xlsx', '结算申报汇总表.pdf', '问题清单.pdf', 'manifest.json'])
      expect(draft.file(name).sha256, name).not.toBe(submitted.file(name).sha256);
  });
});
