/**
 * The roster (花名册) and rota (排班) imports for the bad-input generators: a roster workbook of new
 * residents and staff that imports whole (`goodRoster`), a rota of the sample's two staff for 2026-11 that
 * imports whole (`goodRota`), and malformed ones made from them (`badRoster`, `badRota`) that each import
 * must refuse as a whole. Both imports read only .xlsx (electron/services/roster/readRoster.ts,
 * electron/services/rota/rotaImport.ts).
 */
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { idNumber } from './idNumbers.mjs';
import { toCsv, xlsxRowBomb } from './tables.mjs';

// ---- 花名册: the template's two sheets (electron/services/roster/columns.ts), headers in its order
export const RESIDENT_HEADER = [
  '姓名',
  '身份证号',
  '参保类型',
  '电话',
  '地址',
  '评估等级',
  '评估结论日期',
  '评估结论书编号',
  '评估机构',
  '入住日期',
  '护理方式',
  '床位',
];
export const STAFF_HEADER = ['姓名', '身份证号', '岗位', '入职日期', '证书类型', '证书编号', '证书等级', '发证日期', '有效期至'];
const R = Object.fromEntries(RESIDENT_HEADER.map((h, i) => [h, i]));
const S = Object.fromEntries(STAFF_HEADER.map((h, i) => [h, i]));

/** Four new residents (assessed, admitted at home in 2026-11) and three new caregivers with a certificate each. */
export function goodRoster() {
  const residents = ['赵玉兰', '钱桂芳', '孙德明', '周秀珍'].map((name, i) => [
    name,
    idNumber('330205', `1940-03-0${i + 1}`, 101 + i),
    '城乡居民医保',
    `1385740000${i}`,
    `宁波市海曙区中山西路${i + 1}号`,
    '4级',
    '2026-08-20',
    `NB2026-090${i}`,
    '宁波市长护评估中心',
    `2026-11-0${i + 2}`,
    '居家',
    '',
  ]);
  const staff = ['冯丽娟', '蒋海燕', '韩春梅'].map((name, i) => [
    name,
    idNumber('330203', `1985-05-1${i}`, 201 + i),
    '护理员',
    '2024-03-01',
    '养老护理员证书',
    `YL2023-00${i + 1}`,
    '四级/中级工',
    '2023-06-01',
    '',
  ]);
  return { residents, staff };
}

export async function rosterXlsx({ residents, staff }, names = ['服务对象', '员工']) {
  const wb = new ExcelJS.Workbook();
  for (const [sheetName, rows] of [
    [names[0], residents],
    [names[1], staff],
  ]) {
    if (!rows) continue;
    const ws = wb.addWorksheet(sheetName);
    for (const r of rows) ws.addRow(r);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// Values that make a row wrong whatever else it holds: each must give the row an error. (A wrong check
// character is only a warning by design, docs/rules.md §8.1: not here.)
const RESIDENT_BAD = [
  [R.姓名, ['', '王'.repeat(51)]],
  [
    R.身份证号,
    [
      '',
      '33020519400301001',
      '3302051940030100111',
      'ABCDEFGHIJKLMNOPQR',
      idNumber('330205', '2030-01-01', 1),
      // a number cell: Excel kept 15 significant digits
      330205194003010000,
    ],
  ],
  [R.参保类型, ['商业保险', '自费', '职工医保X']],
  [R.电话, ['123', '电话号码', '13857400001234567', '0574-', 'abc-defg']],
  [R.评估等级, ['6级', '七级', 'high', '-1', '4.5']],
  [R.评估结论日期, ['2026-13-45', '2026-02-30', '明天', '2027-01-01', '0000-00-00', 100, '9'.repeat(400)]],
  [R.入住日期, ['2026-11-31', '2027-03-01', 'yesterday', '2026/02/29']],
  // 上门 is a spelling of 居家 (shared/fields/choices.ts): not here
  [R.护理方式, ['住院', 'home?', '机构+居家']],
];
const STAFF_BAD = [
  [S.姓名, ['', '王'.repeat(51)]],
  [S.身份证号, ['', '33020319850510201', 'ABCDEFGHIJKLMNOPQR', idNumber('330203', '2031-05-10', 7), 330203198505102000]],
  [S.岗位, ['司机', '院长']],
  [S.入职日期, ['2024-02-30', '去年']],
  [S.证书类型, ['驾驶证', '护士资格证']],
  [S.证书编号, ['', 'X'.repeat(61)]],
  [S.证书等级, ['级'.repeat(31)]],
  [S.发证日期, ['', '2027-05-01', '2023-02-29']],
  [S.有效期至, ['2020-01-01', '2023-13-01']],
];

/** A malformed roster as rows of cells, per sheet (before it is written as .xlsx). */
function badRosterRows(rnd) {
  const { residents, staff } = goodRoster();
  const sheets = { residents: [RESIDENT_HEADER.slice(), ...residents], staff: [STAFF_HEADER.slice(), ...staff] };
  const which = rnd.pick(['residents', 'staff']);
  const rows = sheets[which];
  const col = which === 'residents' ? R : S;
  const row = () => rows[rnd.int(1, rows.length - 1)];
  const dropColumn = (c) => {
    for (const r of rows) r.splice(c, 1);
  };
  const kinds = {
    badValue() {
      const [c, values] = rnd.pick(which === 'residents' ? RESIDENT_BAD : STAFF_BAD);
      row()[c] = rnd.pick(values);
    },
    truncatedRow() {
      // cut inside the ID number, or after a record's first half (a level without its date, an admission
      // date without its mode, a certificate's type or number without its date): the row cannot be whole
      const r = row();
      const at = rnd.pick(which === 'residents' ? ['id', col.评估结论日期, col.护理方式] : ['id', col.证书编号, col.发证日期]);
      if (at === 'id') {
        r[col.身份证号] = r[col.身份证号].slice(0, rnd.int(6, 17));
        r.length = col.身份证号 + 1;
      } else r.length = at;
    },
    missingColumn() {
      // a required column, or one whose record then is half (the others are optional: leaving them out is no fault)
      dropColumn(
        rnd.pick(
          which === 'residents'
            ? [col.姓名, col.身份证号, col.评估等级, col.评估结论日期, col.入住日期, col.护理方式]
            : [col.姓名, col.身份证号, col.证书类型, col.证书编号, col.发证日期],
        ),
      );
    },
    renamedColumn() {
      const [c, names] = rnd.pick([
        [col.身份证号, ['身份证', '证件号码', 'ID', '身份證號', '身份证\u200b号', '']],
        [col.姓名, ['名字', 'Name', '姓 名X']],
        ...(which === 'residents' ? [[col.评估结论日期, ['结论日期', '评估日期']]] : [[col.发证日期, ['发证时间', '取证日期']]]),
      ]);
      rows[0][c] = rnd.pick(names);
    },
    shiftedColumns() {
      // cells one place to the right of their header (a stray empty first column)
      for (const r of rows.slice(1)) r.unshift('');
    },
    invisibleCharacter() {
      // inside a name (shown reversed or doubled on every paper), an ID number, a date or a list choice
      const r = row();
      const c = rnd.pick(
        which === 'residents' ? [col.姓名, col.身份证号, col.评估结论日期, col.评估等级, col.护理方式] : [col.姓名, col.身份证号, col.发证日期, col.证书类型],
      );
      const ch = rnd.pick(['\u202e', '\u200b', '\u2066', '\u00ad', '\u061c']);
      const v = String(r[c]);
      const at = rnd.int(1, v.length - 1);
      r[c] = v.slice(0, at) + ch + v.slice(at);
    },
    noRows() {
      sheets.residents.length = 1;
      sheets.staff.length = rnd.chance(0.5) ? 1 : 0;
    },
  };
  const kind = rnd.pick(Object.keys(kinds));
  kinds[kind]();
  return { kind, sheets };
}

/** Bytes that are no workbook, or a workbook with nothing readable, made from `good`. */
export function brokenWorkbook(rnd, good, sheetName) {
  const eocd = good.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const kinds = {
    truncatedZip: () => good.subarray(0, rnd.int(0, eocd - 1)),
    noDirectory: () => Buffer.concat([good.subarray(0, eocd), Buffer.alloc(good.length - eocd)]),
    notZip: () =>
      rnd.pick([
        Buffer.from('%PDF-1.7\n'),
        Buffer.from(toCsv([RESIDENT_HEADER, ...goodRoster().residents])),
        Buffer.from(Array.from({ length: 2000 }, () => rnd.int(0, 255))),
      ]),
    oldXls: () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(rnd.int(8, 4000))]),
    zipWithoutWorkbook: () => Buffer.from(zipSync({ 'readme.txt': strToU8('不是工作簿'), 'xl/worksheets/sheet1.xml': strToU8('<worksheet/>') })),
    emptyZip: () => Buffer.from(zipSync({})),
    brokenSheetXml: () => xlsxRowBomb(3, true, sheetName),
  };
  const kind = rnd.pick(Object.keys(kinds));
  return { kind, bytes: kinds[kind]() };
}

/** A roster the import must refuse: a bad table in a good workbook, sheets not named as the template's, a broken file, a row bomb. */
export async function badRoster(rnd, bomb = false) {
  // over the import's 20,000 people a sheet (+20 for the header and notes rows), counted while streaming
  if (bomb) return { kind: 'rowBomb', bytes: xlsxRowBomb(20_021 + rnd.int(0, 10_000), false, '服务对象') };
  if (rnd.chance(0.6)) {
    const { kind, sheets } = badRosterRows(rnd);
    return { kind, bytes: await rosterXlsx(sheets) };
  }
  if (rnd.chance(0.15)) {
    const { residents, staff } = goodRoster();
    const names = rnd.pick([
      ['Sheet1', 'Sheet2'],
      ['服务对象表', '员工表'],
      ['居民', '职工'],
    ]);
    return { kind: 'renamedSheets', bytes: await rosterXlsx({ residents: [RESIDENT_HEADER, ...residents], staff: [STAFF_HEADER, ...staff] }, names) };
  }
  const { residents, staff } = goodRoster();
  return brokenWorkbook(rnd, await rosterXlsx({ residents: [RESIDENT_HEADER, ...residents], staff: [STAFF_HEADER, ...staff] }), '服务对象');
}

// ---- 排班: the template's layout (编号, 姓名, 岗位, then a column per day of the month)
export const ROTA_MONTH = '2026-11';
const DAYS = 30;
export const ROTA_HEADER = ['编号', '姓名', '岗位', ...Array.from({ length: DAYS }, (_, i) => String(i + 1))];
const FIRST_DAY = 3;

/** The sample's two staff through 2026-11: 施银萍 early-middle-night-rest, 陈淑霞 nurse shifts five days in seven. */
export function goodRota() {
  const cycle = ['早班', '中班', '夜班', '休'];
  return [
    ['s1', '施银萍', '护理员', ...Array.from({ length: DAYS }, (_, d) => cycle[d % 4])],
    ['s2', '陈淑霞', '护士', ...Array.from({ length: DAYS }, (_, d) => (d % 7 < 5 ? 'H' : '休'))],
  ];
}

export async function rotaXlsx(rows) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('排班');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const ROTA_BAD_SHIFTS = ['夜夜', 'Q', '早班X', '上午', '0', '休息日', '全天', '9'.repeat(300)];

function badRotaRows(rnd) {
  const rows = [ROTA_HEADER.slice(), ...goodRota()];
  const row = () => rows[rnd.int(1, rows.length - 1)];
  const day = () => FIRST_DAY + rnd.int(0, DAYS - 1);
  const kinds = {
    badValue() {
      const r = row();
      const c = rnd.pick(['shift', 'shift', 'ref', 'name']);
      if (c === 'shift') r[day()] = rnd.pick(ROTA_BAD_SHIFTS);
      else if (c === 'ref') r[0] = rnd.pick(['s9', 'S-1', 'r1', '00']);
      else r[1] = rnd.pick(['施银苹', '陈淑芬', '张三']);
    },
    truncatedRow() {
      // cut inside its 编号 or its 姓名: the row names nobody (or somebody else)
      const r = row();
      const c = rnd.int(0, 1);
      r[c] = [...r[c]].slice(0, rnd.int(1, [...r[c]].length - 1)).join('');
      r.length = c + 1;
    },
    missingColumn() {
      // 编号 (the header is found by it) or 姓名 (岗位 then reads as the name); a missing day is no fault
      const c = rnd.int(0, 1);
      for (const r of rows) r.splice(c, 1);
    },
    renamedColumn() {
      if (rnd.chance(0.5)) rows[0][0] = rnd.pick(['工号', 'No.', '', '编 号X', '編號']);
      // day 30 headed 31, which 2026-11 has not
      else rows[0][FIRST_DAY + DAYS - 1] = '31';
    },
    duplicateDay() {
      // two columns for one day, holding different shifts
      const d = rnd.int(0, DAYS - 2);
      rows[0][FIRST_DAY + d + 1] = rows[0][FIRST_DAY + d];
      for (const r of rows.slice(1)) if (r[FIRST_DAY + d] === r[FIRST_DAY + d + 1]) r[FIRST_DAY + d + 1] = r[FIRST_DAY + d] === '休' ? '夜班' : '休';
    },
    shiftedColumns() {
      for (const r of rows.slice(1)) r.unshift('');
    },
    invisibleCharacter() {
      const r = row();
      const c = rnd.pick([0, 1, day()]);
      const ch = rnd.pick(['\u202e', '\u200b', '\u2066', '\u00ad', '\u061c']);
      const v = [...r[c]];
      const at = rnd.int(v.length > 1 ? 1 : 0, v.length);
      r[c] = [...v.slice(0, at), ch, ...v.slice(at)].join('');
    },
    noRows() {
      rows.length = rnd.chance(0.5) ? 1 : 0;
    },
  };
  const kind = rnd.pick(Object.keys(kinds));
  kinds[kind]();
  return { kind, rows };
}

/** A rota the import must refuse: a bad table in a good workbook, a broken file, a row bomb. */
export async function badRota(rnd, bomb = false) {
  // over the import's 5,000 staff rows, counted while streaming
  if (bomb) return { kind: 'rowBomb', bytes: xlsxRowBomb(5_001 + rnd.int(0, 5_000), false, '排班') };
  if (rnd.chance(0.65)) {
    const { kind, rows } = badRotaRows(rnd);
    return { kind, bytes: await rotaXlsx(rows) };
  }
  return brokenWorkbook(rnd, await rotaXlsx([ROTA_HEADER, ...goodRota()]), '排班');
}
