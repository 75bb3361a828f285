// node tests/bench/cipher/encryptCopy.cjs PLAIN.db ENCRYPTED.db: an encrypted copy of a benchmark database
// (the same pages, SQLCipher 4's format), for measuring the claim and the package on it.
const { copyFileSync } = require('node:fs');
const Database = require(process.env.LTC_CIPHER_MODULE || 'better-sqlite3-multiple-ciphers');
const [from, to] = process.argv.slice(2);
copyFileSync(from, to);
const db = new Database(to);
db.pragma('journal_mode = DELETE');
db.pragma("cipher = 'sqlcipher'");
db.pragma('legacy = 4');
db.pragma(`rekey = '${process.env.LTC_CIPHER_KEY.replaceAll("'", "''")}'`);
db.pragma('journal_mode = WAL');
db.close();
