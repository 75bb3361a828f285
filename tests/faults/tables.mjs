/**
 * Visit imports for the bad-input generators: a caregiver app's export (CSV or .xlsx) of visits to the
 * sample institution's home client (陈淑芬, by 施银萍) in 2026-11, which imports whole (`goodRows`),
 * and malformed ones made from it (`badCsv`, `badXlsx`) that the import must refuse as a whole.
 */
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';

export const HEADER = ['服务对象身份证号', '服务对象姓名', '护理人员身份证号', '护理人员姓名', '开始时间', '结束时间', '服务项目编码', '签字确认', '备注'];
const START = 4;

/** Ten visits on ten days of 2026-11 (the sample has none that month). */
export function goodRows() {
  return Array.from({ length: 10 }, (_, i) => {
    const day = String(2 + i * 2).padStart(2, '0');
    return ['33020519410923006X', '陈淑芬', '330203199506120024', '施银萍', `2026-11-${day} 09:00`, `2026-11-${day} 10:00`, 'LC01、LC08', '是', ''];
  });
}

const csvCell = (v) => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
export const toCsv = (rows, eol = '\r\n') => rows.map((r) => r.map(csvCell).join(',')).join(eol) + eol;

export async function toXlsx(rows) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('服务记录');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// Values that make a row wrong whatever else it holds: each must give the row an error.
const BAD_VALUES = [
  [
    START,
    ['2026-13-45 09:00', '2026-11-31 09:00', '2026-02-30 09:00', '明天上午', '2026-11-02 25:00', '', '0000-00-00 00:00', '2027-03-01 09:00', '9'.repeat(400)],
  ],
  [START + 1, ['2026-11-01 08:00', '', '2026-11-02 09:61', 'ｘ']],
  [START + 2, ['ZZ99', '', 'LC01、ZZ99', 'DROP TABLE visits', '项目']],
  [0, ['110101190001010000', '33020519410923006Y', '330205209901010011']],
];

/** A malformed visit table as rows of text (before it is written as CSV or .xlsx). */
function badRows(rnd) {
  const rows = [HEADER.slice(), ...goodRows()];
  const row = () => rows[rnd.int(1, rows.length - 1)];
  const kinds = {
    badValue() {
      const [col, values] = rnd.pick(BAD_VALUES);
      row()[col] = rnd.pick(values);
    },
    truncatedRow() {
      const r = row();
      r.length = rnd.int(1, START);
    },
    missingColumn() {
      const col = rnd.pick([START, START + 1, START + 2]);
      for (const r of rows) r.splice(col, 1);
    },
    renamedColumn() {
      const col = rnd.pick([START, START + 1, START + 2]);
      rows[0][col] = rnd.pick(['时间', 'Start', '开始时间X', '', '開始時間', `${rows[0][col]}\u200b号`]);
    },
    shiftedColumns() {
      // cells one place to the right of their header (an export with a stray leading comma)
      for (const r of rows.slice(1)) r.unshift('');
    },
    invisibleCharacter() {
      // inside a time or an item code, which then cannot be read (in an ID number the import may drop it:
      // the number is only matched, never stored; at a cell's ends it is trimmed)
      const r = row();
      const col = rnd.pick([START, START + 1, START + 2]);
      const ch = rnd.pick(['\u202e', '\u200b', '\u2066', '\u00ad', '\u061c']);
      const at = rnd.int(1, r[col].length - 1);
      r[col] = r[col].slice(0, at) + ch + r[col].slice(at);
    },
    noRows() {
      rows.length = rnd.chance(0.5) ? 1 : 0;
    },
  };
  const kind = rnd.pick(Object.keys(kinds));
  kinds[kind]();
  return { kind, rows };
}

/** A CSV the import must refuse: a bad table, or bytes that are no readable table. */
export function badCsv(rnd, bomb = false) {
  if (bomb) return { kind: 'rowBomb', bytes: csvRowBomb(rnd) };
  if (rnd.chance(0.65)) {
    const { kind, rows } = badRows(rnd);
    return { kind, bytes: Buffer.from(toCsv(rows, rnd.pick(['\r\n', '\n'])), 'utf8') };
  }
  const good = Buffer.from(toCsv([HEADER, ...goodRows()]), 'utf8');
  const firstRow = good.indexOf('\n') + 1;
  const startAt = good.indexOf('2026-11', firstRow);
  const kinds = {
    // cut inside the first visit's start time: that row cannot be whole
    cutShort: () => good.subarray(0, rnd.int(firstRow + 1, startAt + 9)),
    badBytesInTime: () =>
      Buffer.concat([
        good.subarray(0, startAt + 4),
        Buffer.from(rnd.pick([[0xff], [0xc3, 0x28], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0x80, 0x80]])),
        good.subarray(startAt + 4),
      ]),
    badBytesInHeader: () => Buffer.concat([Buffer.from([0xff, 0xfe, 0xfd]), good.subarray(0, 6), Buffer.from([0x80]), good.subarray(6)]),
    utf16: () => Buffer.from(toCsv([HEADER, ...goodRows()]), 'utf16le'),
    unterminatedQuote: () => Buffer.from(toCsv([HEADER, ...goodRows()]).replace('陈淑芬', '"陈淑芬')),
    binary: () => Buffer.from(Array.from({ length: rnd.int(1, 3000) }, () => rnd.int(0, 255))),
    nulBytes: () => Buffer.concat([good.subarray(0, startAt + 2), Buffer.alloc(rnd.int(1, 64)), good.subarray(startAt + 2)]),
    bomOnly: () => Buffer.from([0xef, 0xbb, 0xbf]),
    hugeCell: () => Buffer.from(toCsv([HEADER, ...goodRows()]).replace('2026-11-04 09:00', '2'.repeat(rnd.pick([1000, 100_000, 1_000_000])))),
  };
  const kind = rnd.pick(Object.keys(kinds));
  return { kind, bytes: kinds[kind]() };
}

/** More rows than one import takes (readTable.ts: 50,000), each a copy of a good one. */
function csvRowBomb(rnd) {
  const line = toCsv([goodRows()[0]]);
  return Buffer.from(toCsv([HEADER]) + line.repeat(50_001 + rnd.int(0, 5_000)), 'utf8');
}

/** A workbook of `rows` tiny rows written by hand (a row bomb: ~100 KB zipped, over the limit unzipped), its one sheet named `sheetName`. */
export function xlsxRowBomb(rows, broken = false, sheetName = 'Sheet1') {
  const sheet = [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`,
  ];
  for (let r = 1; r <= rows; r++) sheet.push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>33020519410923006X</t></is></c></row>`);
  // broken: the sheet's XML stops inside a tag
  sheet.push(broken ? '<row r="' : '</sheetData></worksheet>');
  return Buffer.from(
    zipSync({
      '[Content_Types].xml': strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      ),
      '_rels/.rels': strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      ),
      'xl/workbook.xml': strToU8(
        `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${sheetName}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
      'xl/_rels/workbook.xml.rels': strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
      'xl/worksheets/sheet1.xml': strToU8(sheet.join('')),
    }),
  );
}

/** An .xlsx the import must refuse: a bad table in a good workbook, a broken zip, no workbook at all, a row bomb. */
export async function badXlsx(rnd, bomb = false) {
  if (bomb) return { kind: 'rowBomb', bytes: xlsxRowBomb(50_021 + rnd.int(0, 20_000)) };
  if (rnd.chance(0.5)) {
    const { kind, rows } = badRows(rnd);
    return { kind, bytes: await toXlsx(rows) };
  }
  const good = await toXlsx([HEADER, ...goodRows()]);
  const eocd = good.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const kinds = {
    truncatedZip: () => good.subarray(0, rnd.int(0, eocd - 1)),
    noDirectory: () => Buffer.concat([good.subarray(0, eocd), Buffer.alloc(good.length - eocd)]),
    notZip: () =>
      rnd.pick([Buffer.from('%PDF-1.7\n'), Buffer.from(toCsv([HEADER, ...goodRows()])), Buffer.from(Array.from({ length: 2000 }, () => rnd.int(0, 255)))]),
    zipWithoutWorkbook: () => Buffer.from(zipSync({ 'readme.txt': strToU8('不是工作簿'), 'xl/worksheets/sheet1.xml': strToU8('<worksheet/>') })),
    emptyZip: () => Buffer.from(zipSync({})),
    brokenSheetXml: () => xlsxRowBomb(3, true),
  };
  const kind = rnd.pick(Object.keys(kinds));
  return { kind, bytes: kinds[kind]() };
}
