/**
 * The agency's result (审核结果) for the bad-input generators: the sample's 2026-10 claim, submitted, answered
 * 通过 on every line, as the template the host hands out (`claims.resultTemplate`, its cells as values) or
 * as our JSON (`ltc-claim-result` v1), and malformed ones made from them (`badResult`) that
 * `claims.importResult` must refuse as a whole (electron/services/claims/resultFile.ts, results.ts).
 */
import ExcelJS from 'exceljs';
import { brokenWorkbook } from './rosterTables.mjs';
import { xlsxRowBomb } from './tables.mjs';

/** A workbook's first sheet as rows of cell values (1-based columns made 0-based), and its header row's index. */
export async function sheetRows(bytes) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes);
  const rows = [];
  wb.worksheets[0].eachRow({ includeEmpty: true }, (row, n) => {
    rows[n - 1] = (row.values ?? []).slice(1).map((v) => (v && typeof v === 'object' && 'richText' in v ? v.richText.map((t) => t.text).join('') : v));
  });
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  const header = rows.findIndex((r) => r.some((v) => typeof v === 'string' && v.startsWith('身份证号')));
  if (header < 0) throw new Error('faults: the result template has no header row');
  return { rows, header };
}

export async function resultXlsx(rows) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('审核结果');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Our JSON format, every line 通过. */
export const resultJson = (lines) => ({
  format: 'ltc-claim-result',
  version: 1,
  month: '2026-10',
  lines: lines.map((l) => ({ idNumber: l.idNumber, mode: l.mode, result: 'accepted' })),
});

const clone = (x) => structuredClone(x);

/** A malformed template: each kind leaves a line unanswered, answered twice, or answered with what is no answer. */
async function badSheet(rnd, base) {
  const rows = clone(base.rows);
  const h = base.header;
  const col = (start) => rows[h].findIndex((v) => typeof v === 'string' && v.startsWith(start));
  const [ID, MODE, RESULT, DEDUCTED, REASON] = ['身份证号', '护理方式', '审核结果', '扣款金额', '原因'].map(col);
  const lineAt = () => rnd.int(h + 1, rows.length - 1);
  const kinds = {
    badValue() {
      const r = rows[lineAt()];
      const what = rnd.int(0, 5);
      if (what === 0) r[RESULT] = rnd.pick(['同意', '不通过', 'OK', '通 过X', '部分通过']);
      else if (what === 1) [r[RESULT], r[DEDUCTED], r[REASON]] = ['扣款', null, '护理记录不全'];
      else if (what === 2) [r[RESULT], r[DEDUCTED], r[REASON]] = ['扣款', rnd.pick([-5, 0, 'abc', '1.234', 1e12]), '护理记录不全'];
      else if (what === 3) [r[RESULT], r[REASON]] = ['拒付', null];
      else if (what === 4) r[MODE] = rnd.pick(['住院', 'home?', '日间照料']);
      else r[ID] = rnd.pick(['110101194001010014', '33020519380412002', 'ABCDEFGHIJKLMNOPQR']);
    },
    truncatedRow() {
      // cut after its ID number or inside it: the line has no answer, or names nobody
      const r = rows[lineAt()];
      if (rnd.chance(0.5)) r.length = ID + 1;
      else {
        r[ID] = String(r[ID]).slice(0, rnd.int(6, 17));
        r.length = ID + 1;
      }
    },
    missingColumn() {
      const c = rnd.pick([ID, RESULT]);
      for (const r of rows.slice(h)) r.splice(c, 1);
    },
    renamedColumn() {
      if (rnd.chance(0.5)) rows[h][RESULT] = rnd.pick(['结果', '审核意见', 'Result', '']);
      else rows[h][ID] = rnd.pick(['证件号', '身份證號', 'ID', '身份\u200b证号']);
    },
    shiftedColumns() {
      for (const r of rows.slice(h + 1)) r.unshift(null);
    },
    invisibleCharacter() {
      const r = rows[lineAt()];
      const c = rnd.pick([ID, RESULT]);
      const v = String(r[c]);
      const at = rnd.int(1, v.length - 1);
      r[c] = v.slice(0, at) + rnd.pick(['\u202e', '\u200b', '\u2066', '\u00ad', '\u061c']) + v.slice(at);
    },
    noRows() {
      rows.length = h + 1;
    },
    missingLine() {
      rows.splice(lineAt(), 1);
    },
    duplicateLine() {
      const at = lineAt();
      rows.splice(at, 0, clone(rows[at]));
    },
  };
  const kind = rnd.pick(Object.keys(kinds));
  kinds[kind]();
  return { kind, bytes: await resultXlsx(rows) };
}

/** A malformed JSON result: broken bytes, a wrong shape, or lines that do not answer the claim once each. */
function badJson(rnd, base) {
  const good = resultJson(base.lines);
  const text = JSON.stringify(good, null, 1);
  const kinds = {
    cutShort: () => text.slice(0, rnd.int(0, text.length - 2)),
    badSyntax: () =>
      rnd.pick([text.replace('"format"', 'format'), text.replace(/,\n/, ',,\n'), text.replace('"ltc-claim-result"', "'ltc-claim-result'"), `${text}}`]),
    wrongFormat: () =>
      JSON.stringify({ ...good, ...rnd.pick([{ format: 'ltc-dataset' }, { version: 2 }, { version: '1' }, { month: '2026-13' }, { lines: {} }]) }),
    wrongType: () => {
      const j = clone(good);
      const l = rnd.pick(j.lines);
      Object.assign(
        l,
        rnd.pick([
          { result: 'deducted', deductedFen: '500' },
          { result: 'deducted', deductedFen: 1.5 },
          { result: 'deducted', deductedFen: -1 },
          { result: 'ok' },
          { mode: 'hospital' },
          { idNumber: 330205 },
          { idNumber: '' },
        ]),
      );
      return JSON.stringify(j);
    },
    overFund: () => {
      const j = clone(good);
      Object.assign(rnd.pick(j.lines), { result: 'deducted', deductedFen: 10 ** rnd.int(8, 15), reason: '超额' });
      return JSON.stringify(j);
    },
    missingLine: () => {
      const j = clone(good);
      j.lines.splice(rnd.int(0, j.lines.length - 1), 1);
      return JSON.stringify(j);
    },
    duplicateLine: () => {
      const j = clone(good);
      j.lines.push(clone(rnd.pick(j.lines)));
      return JSON.stringify(j);
    },
    unknownPerson: () => {
      const j = clone(good);
      rnd.pick(j.lines).idNumber = rnd.pick(['110101194001010014', '33020519380412002X', '\u202e330205193804120028']);
      return JSON.stringify(j);
    },
    deepNesting: () => `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
  };
  const kind = rnd.pick(Object.keys(kinds));
  const out = kinds[kind]();
  if (rnd.chance(0.1)) return { kind: `${kind}Utf16`, bytes: Buffer.from(out, 'utf16le') };
  return { kind, bytes: Buffer.from(out, 'utf8') };
}

/**
 * A result the import must refuse, with its file name: a bad template, a bad JSON, a broken file, a row bomb
 * over the reader's 100,000 rows. `base`: { rows, header } of the good template and the claim's `lines`.
 */
export async function badResult(rnd, base, bomb = false) {
  if (bomb) return { kind: 'rowBomb', name: '审核结果.xlsx', bytes: xlsxRowBomb(100_001 + rnd.int(0, 20_000), false, '审核结果') };
  const r = rnd.next();
  if (r < 0.45) return { name: '审核结果.xlsx', ...(await badSheet(rnd, base)) };
  if (r < 0.8) return { name: '审核结果.json', ...badJson(rnd, base) };
  return { name: '审核结果.xlsx', ...brokenWorkbook(rnd, await resultXlsx(base.rows), '审核结果') };
}
