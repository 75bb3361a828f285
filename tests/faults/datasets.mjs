/**
 * Datasets for the fault suites, from the sample institution (tests/fixtures/sample-ningbo.json):
 * `scaledDataset` a valid one of `copies` times its people (an import long enough to be killed in the
 * middle), `badDataset` a malformed one that `ltc import` must refuse.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { idNumber } from './idNumbers.mjs';

export const SAMPLE_FILE = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '../fixtures/sample-ningbo.json');
export const sample = () => JSON.parse(readFileSync(SAMPLE_FILE, 'utf8'));

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = '秀英建国淑芬德胜银萍淑霞桂兰玉珍志强明华';
const nameOf = (i) => SURNAMES[i % SURNAMES.length] + GIVEN[(i * 7) % GIVEN.length] + GIVEN[(i * 13 + 3) % GIVEN.length];

/** The sample's people `copies` times (new refs, names, ID numbers, beds), each copy with its own staff. */
export function scaledDataset(copies) {
  const base = sample();
  const out = { ...base, residents: [], staff: [], visits: [] };
  for (let k = 0; k < copies; k++) {
    const rRef = (r) => `${r}-${k}`;
    base.residents.forEach((r, i) => {
      // a thousand people per birth date (the sequence number has 3 digits)
      const birth = `${r.idNumber.slice(6, 10)}-${r.idNumber.slice(10, 12)}-${String(1 + Math.floor((k * 10 + i) / 1000)).padStart(2, '0')}`;
      out.residents.push({
        ...r,
        ref: rRef(r.ref),
        name: nameOf(k * 10 + i),
        idNumber: idNumber('330205', birth, k * 10 + i),
        events: r.events.map((e) => (e.bed ? { ...e, bed: `${k + 10}-${e.bed}` } : e)),
      });
    });
    base.staff.forEach((s, i) => {
      out.staff.push({
        ...s,
        ref: rRef(s.ref),
        name: nameOf(k * 10 + i + 5),
        idNumber: idNumber('330203', `1990-01-${String(1 + Math.floor((k * 10 + i) / 1000)).padStart(2, '0')}`, k * 10 + i),
        certificates: s.certificates.map((c) => ({ ...c, number: `${c.number}-${k}` })),
      });
    });
    base.visits.forEach((v) => out.visits.push({ ...v, ref: rRef(v.ref), resident: rRef(v.resident), staff: rRef(v.staff) }));
  }
  return out;
}

// ---------------------------------------------------------------- bad datasets

/** Every leaf path of a JSON value, as arrays of keys. */
function leaves(value, path = [], acc = []) {
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) leaves(v, [...path, Array.isArray(value) ? Number(k) : k], acc);
  } else acc.push(path);
  return acc;
}
function setAt(root, path, v) {
  let o = root;
  for (const k of path.slice(0, -1)) o = o[k];
  o[path.at(-1)] = v;
}
const getAt = (root, path) => path.reduce((o, k) => o[k], root);

/** A value of another JSON type than `v`. */
function otherType(rnd, v) {
  const choices = [() => 'x', () => '', () => 42, () => -1.5, () => true, () => null, () => [], () => [v], () => ({}), () => ({ value: v })];
  const type = (x) => (x === null ? 'null' : Array.isArray(x) ? 'array' : typeof x);
  for (;;) {
    const c = rnd.pick(choices)();
    if (type(c) !== type(v)) return c;
  }
}

const NUMERIC = [
  'institution.beds',
  'institution.prices.hourlyFeeFen',
  'institution.prices.dailyFeeFen.4',
  'residents.0.assessments.0.level',
  'visits.0.checkIn.lat',
  'visits.0.checkIn.lng',
];
// JSON number texts: too large for their field, beyond a double (→ Infinity), negative, fractional where an integer is due
const HUGE = ['1e308', '-1e308', '1e309', '-1e309', '9007199254740993', '1.7976931348623157e308', '123456789012345678901234567890', '1E400', '-1e400'];
// wrong only where an integer is due (a latitude may be 4.5)
const FRACTIONAL = ['4.5', '-0.0000001', '1.0000000001'];
// what must never reach a name or ID number: controls, the bidi overrides, zero-width and invisible characters
const INVISIBLE = [
  '\u0000',
  '\u0001',
  '\u0007',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u200b',
  '\u200d',
  '\u200e',
  '\u202a',
  '\u202e',
  '\u2066',
  '\u2069',
  '\ufeff',
  '\u00ad',
  '\u061c',
  '\u180e',
];
const TEXT_FIELDS = [
  ['residents', 'name'],
  ['residents', 'idNumber'],
  ['residents', 'ref'],
  ['staff', 'name'],
  ['staff', 'idNumber'],
  ['staff', 'ref'],
];

/**
 * One malformed dataset as the bytes of a file, with its kind. Every kind is one the import must refuse:
 * a wrong JSON type, a number out of range, bytes that are not UTF-8, a control or bidi character in a
 * name, a file cut short, nesting deeper than any parser's stack, a missing or unknown field, a dangling
 * reference, an impossible or future date, a file in another encoding, no JSON at all.
 */
export function badDataset(rnd) {
  const d = sample();
  const json = () => Buffer.from(JSON.stringify(d, null, rnd.chance(0.5) ? 1 : 0));
  const kinds = {
    wrongType() {
      const path = rnd.pick(leaves(d).filter((p) => p.length > 0 && !(p[0] === 'format' || p[0] === 'version')));
      setAt(d, path, otherType(rnd, getAt(d, path)));
      return json();
    },
    wrongContainer() {
      const key = rnd.pick(['institution', 'residents', 'staff', 'visits']);
      d[key] = otherType(rnd, d[key]);
      return json();
    },
    hugeNumber() {
      const path = rnd.pick(NUMERIC);
      const marker = '"@@HUGE@@"';
      setAt(
        d,
        path.split('.').map((k) => (/^\d+$/.test(k) && !path.startsWith('institution.prices') ? Number(k) : k)),
        '@@HUGE@@',
      );
      const integer = !/\.(lat|lng)$/.test(path);
      return Buffer.from(JSON.stringify(d).replace(marker, rnd.pick(integer && rnd.chance(0.3) ? FRACTIONAL : HUGE)));
    },
    badUtf8() {
      const text = json();
      const bad = rnd.pick([[0xff], [0xfe, 0xff], [0xc3, 0x28], [0xc0, 0xaf], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0x80]]);
      // inside a name (a string), or anywhere
      const at = rnd.chance(0.7) ? text.indexOf(Buffer.from(d.residents[rnd.int(0, d.residents.length - 1)].name)) : rnd.int(0, text.length - 1);
      return Buffer.concat([text.subarray(0, at), Buffer.from(bad), text.subarray(at)]);
    },
    invisibleCharacter() {
      const [list, field] = rnd.pick(TEXT_FIELDS);
      const item = rnd.pick(d[list]);
      const ch = rnd.pick(INVISIBLE);
      const at = rnd.int(0, item[field].length);
      item[field] = item[field].slice(0, at) + ch + item[field].slice(at);
      return json();
    },
    loneSurrogate() {
      const [list, field] = rnd.pick(TEXT_FIELDS.filter(([, f]) => f === 'name'));
      const item = rnd.pick(d[list]);
      item[field] = `${item[field]}@@SURROGATE@@`;
      return Buffer.from(JSON.stringify(d).replace('@@SURROGATE@@', rnd.pick(['\\ud800', '\\udfff', '\\udc00\\ud800'])));
    },
    truncated() {
      const text = json();
      // anywhere before the last closing brace (the whitespace after it would leave a whole file)
      const end = text.lastIndexOf('}');
      return text.subarray(0, rnd.int(0, end - 1));
    },
    deepNesting() {
      const depth = rnd.pick([1000, 10_000, 100_000, 1_000_000]);
      const open = rnd.pick(['[', '{"a":']);
      const close = open === '[' ? ']' : '}';
      const nest = open.repeat(depth) + '1' + close.repeat(depth);
      if (rnd.chance(0.3)) return Buffer.from(nest);
      const marker = '"@@DEEP@@"';
      const path = rnd.pick(leaves(d).filter((p) => p.length > 1));
      setAt(d, path, '@@DEEP@@');
      return Buffer.from(JSON.stringify(d).replace(marker, nest));
    },
    missingField() {
      const target = rnd.pick([
        d,
        d.institution,
        d.institution.prices,
        rnd.pick(d.residents),
        rnd.pick(d.staff),
        rnd.pick(d.visits),
        rnd.pick(d.residents).events[0],
      ]);
      const required = [
        'format',
        'version',
        'institution',
        'name',
        'uscc',
        'agencyCode',
        'region',
        'policy',
        'prices',
        'ref',
        'idNumber',
        'assessments',
        'events',
        'certificates',
        'resident',
        'staff',
        'start',
        'end',
        'items',
        'type',
        'date',
      ];
      const keys = Object.keys(target).filter((k) => required.includes(k));
      if (keys.length === 0) delete d.institution;
      else delete target[rnd.pick(keys)];
      return json();
    },
    unknownField() {
      const target = rnd.pick([d, d.institution, rnd.pick(d.residents), rnd.pick(d.staff), rnd.pick(d.visits)]);
      target[rnd.pick(['extra', '__proto__x', 'Name', 'id_number', '备注', 'constructor'])] = rnd.pick(['x', 1, null, {}]);
      return json();
    },
    badFormat() {
      if (rnd.chance(0.5)) d.format = rnd.pick(['ltc-claim', 'LTC-DATASET', '', 'ltc-dataset ']);
      else d.version = rnd.pick([0, 2, 99, -1, 1.5]);
      return json();
    },
    danglingRef() {
      const v = rnd.pick(d.visits);
      if (rnd.chance(0.5)) v.resident = rnd.pick(['r99', 'R1', '', 's1']);
      else v.staff = rnd.pick(['s99', 'S1', 'r1']);
      return json();
    },
    duplicateRef() {
      const list = rnd.pick([d.residents, d.staff, d.visits]);
      list[list.length - 1].ref = list[0].ref;
      return json();
    },
    badDate() {
      const bad = rnd.pick([
        '2026-02-30',
        '2026-13-01',
        '2026-00-10',
        '20261010',
        '2026/10/10',
        '10-10-2026',
        'yesterday',
        '2026-10-10T25:00',
        '2099-01-01',
        '0000-00-00',
      ]);
      const choice = rnd.int(0, 2);
      if (choice === 0) rnd.pick(d.residents).events[0].date = bad;
      else if (choice === 1) rnd.pick(d.residents).assessments[0].concludedOn = bad;
      else {
        const v = rnd.pick(d.visits);
        v.start = bad.length <= 10 ? `${bad}T09:00` : bad;
      }
      return json();
    },
    badIdNumber() {
      const person = rnd.pick([...d.residents, ...d.staff]);
      // born after today (refused: docs/rules.md), or longer than any ID number. A wrong check character,
      // a birth date that does not exist or letters are kept by design, with a warning, so they are not here.
      person.idNumber = rnd.pick([`330205${rnd.int(2027, 2099)}0101001${rnd.int(0, 9)}`, '3'.repeat(rnd.int(31, 5000))]);
      return json();
    },
    endBeforeStart() {
      const v = rnd.pick(d.visits);
      [v.start, v.end] = [v.end, v.start];
      return json();
    },
    otherEncoding() {
      const text = JSON.stringify(d);
      return rnd.chance(0.5) ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]) : Buffer.from(text, 'utf16le');
    },
    notJson() {
      return rnd.pick([
        () => Buffer.alloc(0),
        () => Buffer.from('   \n'),
        () => Buffer.from(Array.from({ length: rnd.int(1, 4000) }, () => rnd.int(0, 255))),
        () => Buffer.from('PK\u0003\u0004 not a dataset'),
        () => Buffer.from('null'),
        () => Buffer.from('[]'),
        () => Buffer.from('"ltc-dataset"'),
        () => Buffer.from(JSON.stringify(d).replace(/"/g, "'")),
        () => Buffer.from(JSON.stringify(d) + ',{}'),
        () => Buffer.from('{"format":"ltc-dataset","format":"ltc-dataset","version":1}'),
      ])();
    },
    hugeString() {
      const [list, field] = rnd.pick(TEXT_FIELDS);
      rnd.pick(d[list])[field] = '王'.repeat(rnd.pick([51, 1000, 100_000]));
      return json();
    },
  };
  const kind = rnd.pick(Object.keys(kinds));
  return { kind, bytes: kinds[kind]() };
}
