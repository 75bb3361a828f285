// Issue 16 §3: what SQLCipher-compatible encryption (better-sqlite3-multiple-ciphers) costs the benchmark's
// reads and writes, measured in ONE process, plain and encrypted alternating (tests/bench/README.md, "Measuring
// on these machines": the shared machines' speed drifts by ±30 % between runs, not between alternate calls).
//   LTC_CIPHER_KEY=<64 hex> node tests/bench/cipher/cipherCost.cjs PLAIN.db ENCRYPTED.db
// ENCRYPTED.db: encryptCopy.cjs of PLAIN.db. Prints one JSON line with the medians and their ratios.
// Since D37 was built both are the app's driver (better-sqlite3-multiple-ciphers under better-sqlite3's name):
// "plain" is an unkeyed connection, as the app opens a plain file. LTC_PLAIN_MODULE=…/better-sqlite3 compares
// with upstream better-sqlite3 instead (what was measured first, when the package was not the app's driver).
const Plain = require(process.env.LTC_PLAIN_MODULE || 'better-sqlite3');
const Cipher = require(process.env.LTC_CIPHER_MODULE || 'better-sqlite3');
const [plainFile, encFile] = process.argv.slice(2);
const KEY = process.env.LTC_CIPHER_KEY;
const RUNS = Number(process.env.RUNS || 11);

function open(kind) {
  if (kind === 'plain') return new Plain(plainFile);
  const db = new Cipher(encFile);
  db.pragma("cipher = 'sqlcipher'");
  db.pragma('legacy = 4');
  // the key raw, as the app gives it (electron/services/db/cipherKey.ts); the first measurement (D37) used a
  // passphrase, whose PBKDF2 runs once per connection (~150 ms here), outside the timed reads
  db.pragma(/^[0-9a-f]{64}$/.test(KEY) ? `key = "x'${KEY}'"` : `key = '${KEY.replaceAll("'", "''")}'`);
  return db;
}

// what a claim reads (docs: tests/bench/README.md, the claim's floor): the month's visits with their items,
// every stay event and assessment, every certificate
const MONTH_SQL = [
  "SELECT count(*), sum(v.minutes), sum(v.confirmed), count(i.code) FROM visits v LEFT JOIN visit_items i ON i.visit_id = v.id WHERE v.start_at >= '2026-10-01' AND v.start_at < '2026-11-01'",
  'SELECT count(*), max(date) FROM stay_events',
  'SELECT count(*), max(concluded_on) FROM assessments',
  'SELECT count(*), max(expires_on) FROM certificates',
];

function monthRead(db) {
  for (const sql of MONTH_SQL) db.prepare(sql).raw().all();
}

const time = (f) => {
  const t = performance.now();
  f();
  return performance.now() - t;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const results = { plain: { cold: [], warm: [], insert: [] }, enc: { cold: [], warm: [], insert: [] } };
const warm = { plain: open('plain'), enc: open('enc') };
for (const k of ['plain', 'enc']) {
  warm[k].pragma('cache_size = -65536'); // the app's (db/database.ts)
  monthRead(warm[k]);
}
for (let run = 0; run < RUNS; run++) {
  for (const k of run % 2 ? ['enc', 'plain'] : ['plain', 'enc']) {
    // the session's first claim: a new connection, its page cache empty, the file in the OS's cache
    const db = open(k);
    db.pragma('cache_size = -65536');
    results[k].cold.push(time(() => monthRead(db)));
    db.close();
    // a later claim: the pages in the connection's cache, decrypted already
    results[k].warm.push(time(() => monthRead(warm[k])));
    // an import's writes: 50,000 visit-sized rows in one transaction, then taken out again
    const w = warm[k];
    w.exec('CREATE TABLE IF NOT EXISTS cipher_bench (a INTEGER, b TEXT, c TEXT, d INTEGER, e TEXT)');
    const ins = w.prepare('INSERT INTO cipher_bench VALUES (?, ?, ?, ?, ?)');
    results[k].insert.push(
      time(() =>
        w.transaction(() => {
          for (let i = 0; i < 50000; i++) ins.run(i, `V${String(i).padStart(7, '0')}`, '2026-10-01T09:00', 60, 'LC01,LC08');
        })(),
      ),
    );
    w.exec('DROP TABLE cipher_bench');
  }
}
const out = {};
for (const m of ['cold', 'warm', 'insert']) {
  out[`${m}PlainMs`] = Math.round(median(results.plain[m]));
  out[`${m}EncryptedMs`] = Math.round(median(results.enc[m]));
  out[`${m}Ratio`] = Number((median(results.enc[m]) / median(results.plain[m])).toFixed(2));
}
out.runs = RUNS;
out.sqlite = { plain: warm.plain.prepare('select sqlite_version() v').pluck().get(), encrypted: warm.enc.prepare('select sqlite_version() v').pluck().get() };
out.loadAverage = require('node:os').loadavg()[0];
console.log(JSON.stringify(out));
