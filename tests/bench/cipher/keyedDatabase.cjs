// Issue 16 §3's measurement, never the app: better-sqlite3's place taken by better-sqlite3-multiple-ciphers
// (SQLite3MultipleCiphers, SQLCipher 4 compatible) with every connection keyed before its first statement,
// so that the benchmark's own phases run unchanged on an encrypted file (vitest.cipher.mts aliases
// 'better-sqlite3' to this module). The package is not a dependency of the app (the decision is D35):
// install it anywhere and point LTC_CIPHER_MODULE at it.
const Base = require(process.env.LTC_CIPHER_MODULE || 'better-sqlite3-multiple-ciphers');

const KEY = process.env.LTC_CIPHER_KEY;
if (!KEY) throw new Error('LTC_CIPHER_KEY: the key of the encrypted benchmark database');

class KeyedDatabase extends Base {
  constructor(file, options) {
    super(file, options);
    // SQLCipher 4's format (AES-256-CBC, HMAC-SHA512, PBKDF2 256,000 rounds): what `sqlcipher` and DB Browser open
    this.pragma("cipher = 'sqlcipher'");
    this.pragma('legacy = 4');
    this.pragma(`key = '${KEY.replaceAll("'", "''")}'`);
  }
}

module.exports = KeyedDatabase;
