// LTC_CIPHER_KEY=<64 hex> node tests/bench/cipher/encryptCopy.cjs PLAIN.db ENCRYPTED.db: an encrypted copy of a
// benchmark database (the same pages, SQLCipher 4's format, the key raw as the app gives it: electron/services/db/
// cipherKey.ts), for measuring on it. `ltc encrypt` does the same for real, verified and crash-safe.
const { copyFileSync } = require('node:fs');
// the app's driver (package.json: better-sqlite3-multiple-ciphers under better-sqlite3's name)
const Database = require(process.env.LTC_CIPHER_MODULE || 'better-sqlite3');
const [from, to] = process.argv.slice(2);
copyFileSync(from, to);
const db = new Database(to);
db.pragma('journal_mode = DELETE');
db.pragma("cipher = 'sqlcipher'");
db.pragma('legacy = 4');
if (!/^[0-9a-f]{64}$/.test(process.env.LTC_CIPHER_KEY || '')) throw new Error('LTC_CIPHER_KEY: 64 lowercase hex characters');
db.pragma(`rekey = "x'${process.env.LTC_CIPHER_KEY}'"`);
db.pragma('journal_mode = WAL');
db.close();
