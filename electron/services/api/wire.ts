/**
 * How a call's result travels to the window: as UTF-8 JSON, the same bytes over Electron's IPC and over
 * the browser preview's HTTP (the preload, or the page's HTTP client, parses them in the window's own
 * process). A result a worker thread has already encoded (a 50,000-row import preview is ~20 MB) is
 * spliced in untouched: decoding it into objects on the thread that serves every window and encoding
 * it again there, or even converting it between a JS string and UTF-8, would stall that thread for
 * hundreds of milliseconds (npm run bench: importMaxStallMs).
 */
import type { ApiResult } from '../../../shared/api/errors';

const utf8 = new TextEncoder();
const OK_PREFIX = utf8.encode('{"ok":true,"value":');
const OK_SUFFIX = utf8.encode('}');

/** A value of type T already encoded as UTF-8 JSON (the phantom T keeps handlers' types honest). */
export class EncodedValue<T = unknown> {
  declare readonly phantom?: T;
  constructor(readonly utf8: Uint8Array) {}
}

/** Encodes a value in a worker thread; the bytes have their own buffer, so they can be transferred. */
export function encodeValue<T>(value: T): EncodedValue<T> {
  return new EncodedValue<T>(utf8.encode(JSON.stringify(value)));
}

/** The result as UTF-8 JSON; an encoded value is spliced in as is. */
export function encodeResult(result: ApiResult<unknown>): Uint8Array {
  if (!(result.ok && result.value instanceof EncodedValue)) return utf8.encode(JSON.stringify(result));
  const value = result.value.utf8;
  const out = new Uint8Array(OK_PREFIX.length + value.length + OK_SUFFIX.length);
  out.set(OK_PREFIX, 0);
  out.set(value, OK_PREFIX.length);
  out.set(OK_SUFFIX, OK_PREFIX.length + value.length);
  return out;
}

/** The value of a result for a caller in this process (tests, the command line): decoded if it was encoded. */
export function plainValue<T>(value: T | EncodedValue<T>): T {
  return value instanceof EncodedValue ? (JSON.parse(new TextDecoder().decode(value.utf8)) as T) : value;
}
