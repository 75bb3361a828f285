/**
 * Passwords and recovery codes are kept only as scrypt hashes (a memory-hard KDF, Node's own): the
 * parameters and the salt travel in the stored string, so stronger parameters later still verify the old
 * ones. Hashing runs on libuv's thread pool (the async scrypt), never on the thread serving the window.
 * Neither the password nor the code is ever stored, logged or sent back.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** 2^15 × 8 × 128 B = 32 MiB per hash, ~0.1 s: slow to guess, quick enough for a login. */
const PARAMS = { N: 1 << 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

function derive(secret: string, salt: Buffer, o: ScryptOptions): Promise<Buffer> {
  return new Promise((done, fail) =>
    scrypt(secret.normalize('NFC'), salt, KEY_LENGTH, { ...o, maxmem: 128 * (o.N ?? 0) * (o.r ?? 0) * 2 }, (err, key) => (err ? fail(err) : done(key))),
  );
}

export async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(secret, salt, PARAMS);
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await derive(secret, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

// No 0/O, 1/I/L: the code is written down on paper and typed back.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A recovery code: 20 characters in groups of five (about 99 bits), e.g. `K7QX2-…`. */
export function newRecoveryCode(): string {
  const bytes = randomBytes(20);
  const chars = [...bytes].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
  return chars.match(/.{5}/g)!.join('-');
}

/** What is compared: case and dashes and spaces as typed do not matter. */
export function normalizeRecoveryCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}
