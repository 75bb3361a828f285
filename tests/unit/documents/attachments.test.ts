/**
 * The attachments as the agency's clerk reads them (issue 11), read from the produced PDFs with poppler:
 * 个人结算明细, 床日统计表 and 上门服务记录明细 each end with a 合计 equal to the expected claim's totals
 * (the hand-checked fixture) and to the summary's, with 制表人/审核人/机构盖章 on the last page; a
 * person's block is never cut across pages when it fits on one, and a longer one continues under its
 * heading （续） and its column header; 床日统计表 is the register: landscape, 31 day columns, a mark a
 * day (✓ H L 入 出 亡), the legend on every page.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it, type TestContext } from 'vitest';
import type { HomeEvidence } from '../../../shared/claims/types';
import type { Visit } from '../../../shared/domain/model';
import expected from '../../fixtures/sample-ningbo.expected-2026-10.json';
import { claimFor } from '../../support/claimFor';
import { buildToDir, MONTH, NO_POPPLER, POPPLER, run, sampleInput, sampleRecords, type Built } from './support';

const squash = (s: string) => s.replace(/\s+/g, '');
const needPoppler = (ctx: TestContext) => {
  if (!POPPLER) ctx.skip(NO_POPPLER);
};
/** The pages of a PDF as pdftotext -layout gives them. */
const pagesOf = (file: string): string[] => run('pdftotext', ['-layout', file, '-']).split('\f').slice(0, -1);
const yuan = (fen: number) => (fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** The expected claim's 合计 row, from the fixture (visits: the home lines' visits). */
const T = expected.totals;
const visits = expected.lines.reduce((s, l) => s + ((l as { visits?: number }).visits ?? 0), 0);
const TOTAL_ROW = `合计 ${T.persons} ${T.billableDays} ${T.coveredMinutes} ${visits} ${yuan(T.feeFen)} ${yuan(T.fundFen)} ${yuan(T.personalFen)}`;

/** The numbers of the row that starts with `label` (the last such row on the page). */
function rowNumbers(page: string, label: string): string[] | null {
  const rows = page.split('\n').filter((l) => new RegExp(`^\\s*${label}\\s+\\d`).test(l));
  const last = rows[rows.length - 1];
  return last ? last.trim().slice(label.length).trim().split(/\s+/) : null;
}

const ATTACHMENTS = ['个人结算明细.pdf', '床日统计表.pdf', '上门服务记录明细.pdf'];

describe('each attachment of the sample package ends with the claim totals and the signature lines', () => {
  let built: Built;
  beforeEach(needPoppler);
  beforeAll(async () => {
    if (POPPLER) built = await buildToDir(sampleInput());
  });

  it('合计 equals the expected claim totals and the summary’s 合计 row', () => {
    // the summary's 二、结算汇总 (its 三、本月支付标准 has rows by mode too: the rates)
    const summary = pagesOf(built.path('结算申报汇总表.pdf')).join('\n').split('三、本月支付标准')[0] ?? '';
    const summaryRow = rowNumbers(summary, '合计');
    expect(squash(`合计 ${summaryRow?.join(' ')}`)).toBe(squash(TOTAL_ROW));
    for (const name of ATTACHMENTS) {
      const pages = pagesOf(built.path(name));
      const last = pages[pages.length - 1] ?? '';
      expect(rowNumbers(last, '合计'), name).toEqual(summaryRow);
      // the rows by mode match the summary's too
      for (const mode of ['机构护理', '居家护理']) expect(rowNumbers(last, mode), `${name} ${mode}`).toEqual(rowNumbers(summary, mode));
    }
  });

  it('制表人, 审核人 and 机构盖章 are on the last page', () => {
    for (const name of ATTACHMENTS) {
      const pages = pagesOf(built.path(name));
      for (const s of ['制表人', '审核人', '机构盖章']) expect(pages[pages.length - 1], `${name} ${s}`).toContain(s);
    }
  });
});

describe('a document in parts', () => {
  beforeEach(needPoppler);

  it('has a 本册小计 on each part, the whole 合计 on the last, and signature lines on each part’s last page', async () => {
    // one person a part (the sample's weights are 6, 6 and 8 rows)
    const built = await buildToDir(sampleInput(), { partBudget: { personalRows: 8 } });
    const parts = built.files.filter((f) => f.name.startsWith('个人结算明细-')).map((f) => f.name);
    expect(parts).toEqual(['个人结算明细-01.pdf', '个人结算明细-02.pdf', '个人结算明细-03.pdf']);
    const sums = [0, 0, 0, 0, 0, 0, 0];
    parts.forEach((name, i) => {
      const pages = pagesOf(built.path(name));
      const last = pages[pages.length - 1] ?? '';
      const sub = rowNumbers(last, '本册小计') ?? [];
      const line = expected.lines[i]!;
      // the part's one person: its days or minutes and its three amounts
      expect(sub.slice(-3), name).toEqual([yuan(line.feeFen), yuan(line.fundFen), yuan(line.personalFen)]);
      sub.forEach((v, k) => (sums[k] = (sums[k] ?? 0) + Number(v.replace(/,/g, ''))));
      for (const s of ['制表人', '审核人', '机构盖章']) expect(last, `${name} ${s}`).toContain(s);
      if (i < parts.length - 1) expect(rowNumbers(last, '合计'), name).toBeNull();
      else expect(squash(`合计 ${rowNumbers(last, '合计')?.join(' ')}`)).toBe(squash(TOTAL_ROW));
    });
    expect(sums).toEqual([T.persons, T.billableDays, T.coveredMinutes, visits, T.feeFen / 100, T.fundFen / 100, T.personalFen / 100]);
  });
});

const CLOSING = /^\s*项目\s+人数/;
const COLUMN_HEADERS = [/^\s*日期\s+时间\s+分钟\s+护理人员\s+服务项目/, /^\s*序号\s+日期\s+护理人员\s+开始—结束\s+分钟\s+服务项目\s+签字确认\s+结算/];
/**
 * A page's lines that belong to its tables: with a digit (headings, rows, amounts), or a column header or
 * the closing table's header. Words drawn across the page without digits (a draft's watermark) are left out.
 */
const tableLines = (page: string): string[] =>
  page.split('\n').filter((l) => l.trim() && (/\d/.test(l) || CLOSING.test(l) || COLUMN_HEADERS.some((h) => h.test(l))));

/** A person's heading in 个人结算明细 or 上门服务记录明细: its 序号, name and whether it says （续）. */
const HEADING = /^\s*(\d+|—)\s+(\S+?)(（续）)?\s+身份证号 \d{6}\*{8}/;

interface Block {
  key: string;
  /** pages it is on, first to last */
  pages: number[];
  /** its rows (text lines), the repeated headings and column headers left out */
  lines: number;
}

/** The blocks of a per-person document, and the pages each one is on, read from the text. */
function blocksOf(
  pages: readonly string[],
  columnHeader: RegExp,
): { blocks: Block[]; pageLines: number[]; contPages: { page: number; text: string }[]; unmarked: string[] } {
  const blocks: Block[] = [];
  const unmarked: string[] = [];
  const contPages: { page: number; text: string }[] = [];
  let current: Block | null = null;
  const pageLines: number[] = [];
  pages.forEach((page, p) => {
    const lines = tableLines(page);
    pageLines.push(lines.length);
    let skipHeader = false;
    for (const l of lines) {
      const m = HEADING.exec(l);
      if (m) {
        const key = `${m[1]}${m[2]}`;
        // the same heading again on the next page: a continuation, marked （续） or not
        if (m[3] || key === current?.key) {
          if (!m[3]) unmarked.push(`${key} page ${p + 1}`);
          contPages.push({ page: p, text: lines.join('\n') });
          skipHeader = true;
          continue;
        }
        current = { key, pages: [p], lines: 1 };
        blocks.push(current);
        continue;
      }
      if (CLOSING.test(l)) current = null; // the closing 合计
      if (!current) continue;
      if (skipHeader && columnHeader.test(l)) {
        skipHeader = false;
        continue;
      }
      if (current.pages[current.pages.length - 1] !== p) current.pages.push(p);
      current.lines++;
    }
  });
  return { blocks, pageLines, contPages, unmarked };
}

const root = resolve(__dirname, '../../..');
function ltc(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin/ltc.cjs'), ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 240_000,
    env: { ...process.env, LTC_TODAY: '2026-12-06' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the demo institution’s 2026-10 package (ltc demo, then ltc claim --package)', () => {
  let dir = '';
  beforeEach(needPoppler);
  beforeAll(() => {
    if (!POPPLER) return;
    if (!existsSync(join(root, 'out/main/cli.js'))) throw new Error('out/main/cli.js is missing: run `npm run build` before these tests');
    dir = mkdtempSync(join(tmpdir(), 'ltc-attachments-'));
    expect(ltc('demo', '--db', join(dir, 'demo.db')).code).toBe(0);
    const r = ltc('claim', '--db', join(dir, 'demo.db'), '--month', MONTH, '--out', join(dir, 'pkg'), '--package');
    expect(r.code, r.stderr).toBe(0);
  }, 300_000);

  const documents: [string, RegExp][] = [
    ['个人结算明细.pdf', /^\s*日期\s+时间\s+分钟\s+护理人员\s+服务项目/],
    ['上门服务记录明细.pdf', /^\s*序号\s+日期\s+护理人员\s+开始—结束\s+分钟\s+服务项目\s+签字确认\s+结算/],
  ];

  it.each(documents)('%s: no block that fits on a page starts on one page and ends on the next', (name, header) => {
    const pages = pagesOf(join(dir, 'pkg', name));
    const { blocks, pageLines, unmarked } = blocksOf(pages, header);
    expect(unmarked, 'continuations without （续）').toEqual([]);
    expect(blocks.length).toBeGreaterThan(40);
    // a page holds at most as many rows as the fullest page shows
    const capacity = Math.max(...pageLines);
    const split = blocks.filter((b) => b.pages.length > 1);
    for (const b of split) expect(b.lines, `${b.key} on pages ${b.pages.map((p) => p + 1).join(', ')}`).toBeGreaterThan(capacity - 4);
    // every page after the first opens with a person's heading (（续） on a continuation, then the column
    // header) or with the closing 合计: never with rows whose person and columns are on another page
    pages.slice(1).forEach((page, i) => {
      const [first, second] = tableLines(page);
      if (CLOSING.test(first ?? '')) return;
      expect(first, `page ${i + 2}`).toMatch(HEADING);
      if (first?.includes('（续）')) expect(second, `page ${i + 2}`).toMatch(header);
    });
    for (const s of ['制表人', '审核人', '机构盖章']) expect(pages[pages.length - 1]).toContain(s);
  });

  it('床日统计表: landscape A4, the legend and the 31 day columns on every page, and the 合计 on the last', () => {
    const file = join(dir, 'pkg', '床日统计表.pdf');
    const info = run('pdfinfo', [file]);
    expect(info).toMatch(/Page size:\s+841\.89 x 595\.28 pts \(A4\)/);
    const pages = pagesOf(file);
    expect(pages.length).toBeGreaterThan(1);
    for (const [i, page] of pages.entries()) {
      expect(page, `page ${i + 1}`).toContain('图例：✓ 在院');
      expect(squash(page), `page ${i + 1}`).toContain(squash(Array.from({ length: 31 }, (_, d) => d + 1).join(' ')));
    }
    expect(pages[pages.length - 1]).toContain('机构盖章');
  });
});

/** The register read by position: for each resident row, the mark under each day column (pdftotext -bbox). */
function registerMarks(file: string): Map<string, { days: string[]; totals: string[] }> {
  const xml = run('pdftotext', ['-bbox', file, '-']);
  const out = new Map<string, { days: string[]; totals: string[] }>();
  for (const page of xml.split('<page ').slice(1)) {
    const words = [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((m) => ({
      x: (Number(m[1]) + Number(m[3])) / 2,
      y: Math.round(Number(m[2])),
      t: m[4] ?? '',
    }));
    // the header row: 序号 … 1 2 … 31 在院 住院 请假 计费
    const headY = words.find((w) => w.t === '序号')?.y;
    const head = words.filter((w) => w.y === headY);
    const dayX = Array.from({ length: 31 }, (_, d) => head.find((w) => w.t === String(d + 1))?.x ?? NaN);
    const totalX = ['在院', '住院', '请假', '计费'].map((t) => head.find((w) => w.t === t)?.x ?? NaN);
    const near = (x: number, xs: number[]) => xs.findIndex((c) => Math.abs(c - x) < 5);
    for (const name of ['王秀英', '李建国', '赵德胜']) {
      const w = words.find((x) => x.t === name);
      if (!w) continue;
      const row = words.filter((x) => Math.abs(x.y - w.y) <= 1);
      const days = Array.from({ length: 31 }, () => '');
      const totals = ['', '', '', ''];
      for (const x of row) {
        const d = near(x.x, dayX);
        if (d >= 0) days[d] = x.t;
        const t = near(x.x, totalX);
        if (t >= 0) totals[t] = x.t;
      }
      out.set(name, { days, totals });
    }
  }
  return out;
}

/** The marks expected from the stay events, day by day (docs/rules.md §6.1, §6.2). */
const marks = (spec: [from: number, to: number, mark: string][]) => {
  const days = Array.from({ length: 31 }, () => '');
  for (const [from, to, mark] of spec) for (let d = from; d <= to; d++) days[d - 1] = mark;
  return days;
};

describe('the register (床日统计表) marks each day of the sample’s residents', () => {
  beforeEach(needPoppler);

  it('王秀英: 入 on 10-10, H 10-15 … 10-17, 出 on 10-25; 李建国 ✓ every day; the day totals', async () => {
    const built = await buildToDir(sampleInput());
    const file = built.path('床日统计表.pdf');
    expect(run('pdfinfo', [file])).toMatch(/Page size:\s+841\.89 x 595\.28 pts/);
    const rows = registerMarks(file);
    expect(rows.get('王秀英')).toEqual({
      days: marks([
        [10, 10, '入'],
        [11, 14, '✓'],
        [15, 17, 'H'],
        [18, 24, '✓'],
        [25, 25, '出'],
      ]),
      totals: ['12', '3', '0', '12'],
    });
    expect(rows.get('李建国')).toEqual({ days: marks([[1, 31, '✓']]), totals: ['31', '0', '0', '31'] });
    const text = pagesOf(file).join('\n');
    expect(text).toContain('入 入院当日');
    expect(text).toContain('亡 死亡当日');
  });

  it('a death on 10-20 reads 亡 that day and leaves the rest of the month blank; leave reads L', async () => {
    const records = sampleRecords();
    const li = records.residents.find((r) => r.name === '李建国')!;
    li.events.push({ type: 'leave', date: '2026-10-03' }, { type: 'return', date: '2026-10-05' }, { type: 'death', date: '2026-10-20' });
    const built = await buildToDir({ ...sampleInput(records), claim: claimFor(records, MONTH) });
    const rows = registerMarks(built.path('床日统计表.pdf'));
    // present 1–2 and 5–19 (17), leave 3–4 (not billable in ningbo-2022), the day of death outside the stay
    expect(rows.get('李建国')).toEqual({
      days: marks([
        [1, 2, '✓'],
        [3, 4, 'L'],
        [5, 19, '✓'],
        [20, 20, '亡'],
      ]),
      totals: ['17', '0', '2', '17'],
    });
  });
});

describe('a block longer than a page continues under its heading （续） and its column header', () => {
  beforeEach(needPoppler);

  it('in 个人结算明细 and 上门服务记录明细', async () => {
    const records = sampleRecords();
    const extra: Visit[] = [];
    for (let d = 1; d <= 31; d++) {
      for (const [from, to] of [
        ['07:00', '07:30'],
        ['08:00', '08:30'],
        ['16:00', '16:30'],
        ['17:00', '17:30'],
      ] as const) {
        const date = `2026-10-${String(d).padStart(2, '0')}`;
        extra.push({ ref: `x${d}-${from}`, resident: 'r3', staff: 's1', start: `${date}T${from}`, end: `${date}T${to}`, items: ['LC01'], confirmed: true });
      }
    }
    records.visits.push(...extra);
    const claim = claimFor(sampleRecords(), MONTH);
    // the layout under test, not the quota: the home line lists every added visit as counted
    const home = claim.lines.find((l) => l.mode === 'home')!;
    const e = home.evidence as HomeEvidence;
    home.evidence = { ...e, counted: [...e.counted, ...extra.map((v) => v.ref)] };
    const built = await buildToDir({ ...sampleInput(records), claim });
    for (const [name, header] of [
      ['个人结算明细.pdf', /^\s*日期\s+时间\s+分钟\s+护理人员\s+服务项目/m],
      ['上门服务记录明细.pdf', /^\s*序号\s+日期\s+护理人员\s+开始—结束\s+分钟\s+服务项目\s+签字确认\s+结算/m],
    ] as const) {
      const pages = pagesOf(built.path(name));
      const onPages = pages.map((p, i) => (p.includes('陈淑芬') ? i : -1)).filter((i) => i >= 0);
      expect(onPages.length, name).toBeGreaterThan(2);
      for (const i of onPages.slice(1)) {
        const lines = tableLines(pages[i] ?? '');
        // the page opens with the heading （续）, then the column header
        expect(lines[0], `${name} page ${i + 1}`).toMatch(/陈淑芬（续）\s+身份证号/);
        expect(lines[1], `${name} page ${i + 1}`).toMatch(header);
      }
    }
  });
});
