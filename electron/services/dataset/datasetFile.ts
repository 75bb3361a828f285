/**
 * An `ltc-dataset` file read as a stream (issue 17: the import's peak memory). A big institution's file
 * holds a million visits; read whole it was the file's bytes, then its text, then a million visit objects,
 * all at once (812 MB for 966,000 visits). Here the file is read in 4 MB chunks: every top-level value but
 * `visits` is parsed as a whole (the institution, the people, the rota: small), and the `visits` array
 * is handed out one element at a time, each parsed by JSON.parse from its own bytes and forgotten after.
 *
 * The scanner only finds where each value begins and ends; JSON.parse still judges every value. Bytes it
 * does not expect (broken JSON, bytes that are not UTF-8, a key given twice) are `NotStreamable`: the
 * caller then reads the file the whole-file way, whose messages place the fault by line and column
 * (jsonText.ts), so a broken file is described exactly as before. Only a broken file pays that memory.
 */
import { isUtf8 } from 'node:buffer';
import { closeSync, openSync, readSync } from 'node:fs';

/** The bytes are not a JSON object this scanner can hand out in parts (see the module's comment). */
export class NotStreamable extends Error {}

const CHUNK = 4 << 20;
/** Visits parsed at once: at most this many, or about this many bytes. */
const BATCH = 500;
const BATCH_BYTES = 256 << 10;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

const isSpace = (b: number): boolean => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

/** The file in chunks: `buf[pos]` is the next byte; bytes from `mark` on stay in `buf` across reads. */
class Reader {
  buf: Buffer = Buffer.alloc(0);
  /** the buffer `buf` is the start of, and the other one */
  private whole: Buffer = Buffer.alloc(0);
  private spare: Buffer = Buffer.alloc(0);
  pos = 0;
  mark = -1;
  /** the file offset of buf[0] */
  base = 0;
  private eof = false;
  /** an incomplete UTF-8 sequence at the end of the last chunk, checked with the next one */
  private tail: Buffer = Buffer.alloc(0);
  /** laidOutRun's last indent, and the closing line it looks for */
  private indent = '';
  private close: Buffer = Buffer.from('\n}');

  constructor(
    private readonly fd: number,
    private readonly chunk: number,
  ) {}

  /** Whether buf[pos] exists (reads more when it does not). */
  more(): boolean {
    while (this.pos >= this.buf.length) {
      if (this.eof) return false;
      this.read();
    }
    return true;
  }

  /** Makes `n` bytes from pos on be in buf (fewer only at the end of the file). */
  fill(n: number): void {
    while (!this.eof && this.buf.length - this.pos < n) this.read();
  }

  /** Reads the next chunk after the bytes in buf, keeping those from the mark (or pos) on. */
  private read(): void {
    const keep = this.mark >= 0 ? this.mark : this.pos;
    const kept = this.buf.length - keep;
    // two buffers in turn (the kept bytes copied from one to the other): a new 4 MB buffer per read
    // was ~40 MB of garbage outside the heap at the import's peak
    let next = this.spare;
    if (next.length < kept + this.chunk) next = Buffer.allocUnsafe(kept + this.chunk);
    this.buf.copy(next, 0, keep);
    this.spare = this.whole;
    this.whole = next;
    const n = readSync(this.fd, next, kept, this.chunk, null);
    if (n === 0) {
      this.eof = true;
      if (this.tail.length > 0) throw new NotStreamable('incomplete UTF-8 sequence at the end');
    } else this.checkUtf8(next.subarray(kept, kept + n));
    this.buf = next.subarray(0, kept + n);
    this.base += keep;
    this.pos -= keep;
    if (this.mark >= 0) this.mark -= keep;
  }

  /**
   * The values from buf[pos] (the opening brace of one) on, about `bytes` of them, parsed at once without
   * visiting each byte, where the file is laid out as `ltc export` writes it (JSON.stringify's indents):
   * a value's closing brace stands alone on its line, indented as the line of its opening brace, and no
   * string holds a line break. The last such brace within `bytes` ends the run, and JSON.parse of the run
   * says whether it is one: values parsed from a value's start that end at a brace are the file's own
   * (the parse reads the bytes exactly as the whole file's parse reads them). `none`: no such brace in
   * reach (or the indent is not in the buffer); `failed`: the value is not on a line of its own, or the run
   * does not parse (not laid out so). Either way nothing was consumed: skipValue reads on. Only with no
   * mark (no batch of skipValue's pending).
   */
  laidOutRun(bytes: number): unknown[] | 'none' | 'failed' {
    let lineStart = this.pos;
    while (lineStart > 0 && (this.buf[lineStart - 1] === 0x20 || this.buf[lineStart - 1] === 0x09)) lineStart--;
    if (lineStart === 0) return 'none';
    if (this.buf[lineStart - 1] !== 0x0a) return 'failed';
    const indent = this.buf.toString('latin1', lineStart, this.pos);
    if (indent !== this.indent) {
      this.indent = indent;
      this.close = Buffer.from(`\n${indent}}`, 'latin1');
    }
    this.fill(bytes);
    const { buf, pos: start, close } = this;
    const at = buf.lastIndexOf(close, Math.min(buf.length, start + bytes) - close.length);
    if (at < start) return 'none';
    const end = at + close.length;
    let values: unknown;
    try {
      values = JSON.parse(`[${buf.toString('utf8', start, end)}]`);
    } catch {
      return 'failed';
    }
    if (!Array.isArray(values)) return 'failed';
    this.pos = end;
    return values;
  }

  /** Strict UTF-8, as decodeUtf8 requires (a sequence cut by the chunk's end is checked with the next chunk). */
  private checkUtf8(bytes: Buffer): void {
    const data = this.tail.length > 0 ? Buffer.concat([this.tail, bytes]) : bytes;
    const cut = lastBoundary(data);
    if (!isUtf8(data.subarray(0, cut))) throw new NotStreamable('not UTF-8');
    this.tail = Buffer.from(data.subarray(cut));
  }

  /** The next byte that is not white space (not consumed); -1 at the end of the file. */
  peek(): number {
    for (;;) {
      if (!this.more()) return -1;
      const b = this.buf[this.pos]!;
      if (!isSpace(b)) return b;
      this.pos++;
    }
  }

  expect(b: number): void {
    if (this.peek() !== b) throw new NotStreamable(`expected ${String.fromCharCode(b)}`);
    this.pos++;
  }

  /**
   * Moves past one JSON value and returns its bytes' [start, end) as file offsets. Its bytes stay in `buf`
   * until the next call; with `batch`, from the mark on, which the first value of a batch sets and
   * `parseBatch` clears, so that a run of values is parsed at once.
   */
  skipValue(batch = false): [number, number] {
    const first = this.peek();
    if (first < 0) throw new NotStreamable('value expected');
    const start = this.base + this.pos;
    if (!batch || this.mark < 0) this.mark = this.pos;
    if (first === QUOTE) {
      this.pos++;
      this.skipStringRest();
    } else if (first === OPEN_BRACE || first === OPEN_BRACKET) {
      let depth = 0;
      scan: for (;;) {
        if (!this.more()) throw new NotStreamable('unexpected end');
        // the hot loop of a big file: the chunk in locals, a string's body skipped by indexOf
        const buf = this.buf;
        const n = buf.length;
        let i = this.pos;
        while (i < n) {
          const b = buf[i++]!;
          if (b === QUOTE) {
            this.pos = i;
            this.skipStringRest();
            continue scan;
          }
          if (b === OPEN_BRACE || b === OPEN_BRACKET) depth++;
          else if ((b === CLOSE_BRACE || b === CLOSE_BRACKET) && --depth === 0) {
            this.pos = i;
            break scan;
          }
        }
        this.pos = i;
      }
    } else {
      // a number, true, false or null: up to the next delimiter (JSON.parse judges it)
      while (this.more()) {
        const b = this.buf[this.pos]!;
        if (b === COMMA || b === CLOSE_BRACE || b === CLOSE_BRACKET || isSpace(b)) break;
        this.pos++;
      }
    }
    const range: [number, number] = [start, this.base + this.pos];
    if (!batch) this.mark = -1;
    return range;
  }

  /** After an opening quote: to just past the closing one. */
  private skipStringRest(): void {
    for (;;) {
      if (!this.more()) throw new NotStreamable('unterminated string');
      const q = this.buf.indexOf(QUOTE, this.pos);
      if (q < 0) {
        this.pos = this.buf.length;
        continue;
      }
      // escaped when an odd number of backslashes stands before it (they are all in buf: the value's
      // opening quote is, from the mark on)
      let n = 0;
      for (let i = q - 1; i >= 0 && this.buf[i] === BACKSLASH; i--) n++;
      this.pos = q + 1;
      if (n % 2 === 0) return;
    }
  }

  /** A value's text (its bytes are in `buf` until the next skipValue). */
  text([start, end]: [number, number]): string {
    return this.buf.toString('utf8', start - this.base, end - this.base);
  }

  parse(range: [number, number], text = this.text(range)): unknown {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new NotStreamable('JSON.parse refused a value');
    }
  }

  /**
   * The `count` values of a batch, from the first's start to the last's end: the commas and white space
   * between them are an array's, so one JSON.parse reads them all (a call per visit cost more than the
   * parsing).
   */
  parseBatch(start: number, end: number, count: number): unknown[] {
    const values = this.parse([start - 1, end + 1], `[${this.buf.toString('utf8', start - this.base, end - this.base)}]`);
    this.mark = -1;
    if (!Array.isArray(values) || values.length !== count) throw new NotStreamable('a batch is not its values');
    return values;
  }
}

/** Where a chunk's last complete UTF-8 sequence ends. */
function lastBoundary(data: Buffer): number {
  const end = data.length;
  for (let i = end - 1; i >= 0 && i >= end - 4; i--) {
    const b = data[i]!;
    if ((b & 0xc0) === 0x80) continue; // a continuation byte
    const need = b < 0x80 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return i + need <= end ? end : i;
  }
  return end;
}

export interface DatasetFileVisitor {
  /** A top-level value other than the `visits` array (the whole array when `visits` is not one), and its text. */
  head?(key: string, value: unknown, text: string): void;
  /** The `visits` array begins (its elements follow, one `visit` each). */
  visitsStart?(): void;
  /** `visits[index]`, in the file's order. */
  visit?(value: unknown, index: number): void;
}

/**
 * Reads the file once, handing out its top-level values and its visits one by one. Throws
 * `NotStreamable` on anything JSON.parse on the whole text might judge differently. `chunkBytes`: the
 * size of a read (tests make it tiny, to cut values and characters at every place). Returns whether the
 * file has a `visits` array and how many elements it had.
 */
export function scanDatasetFile(file: string, visitor: DatasetFileVisitor, chunkBytes = CHUNK): { visitsArray: boolean; visits: number } {
  const fd = openSync(file, 'r');
  try {
    const r = new Reader(fd, chunkBytes);
    // a leading byte order mark is dropped, as decodeUtf8 drops it
    if (r.more() && r.buf[0] === 0xef) {
      for (const b of [0xef, 0xbb, 0xbf]) {
        if (!r.more() || r.buf[r.pos] !== b) throw new NotStreamable('not a byte order mark');
        r.pos++;
      }
    }
    r.expect(OPEN_BRACE);
    const keys = new Set<string>();
    let visitsArray = false;
    let visits = 0;
    if (r.peek() === CLOSE_BRACE) r.pos++;
    else {
      for (;;) {
        if (r.peek() !== QUOTE) throw new NotStreamable('key expected');
        const key = r.parse(r.skipValue()) as string;
        // JSON.parse keeps a repeated key's last value: the whole-file route says what that means
        if (keys.has(key)) throw new NotStreamable(`key ${key} repeated`);
        keys.add(key);
        r.expect(COLON);
        if (key === 'visits' && r.peek() === OPEN_BRACKET) {
          visitsArray = true;
          visitor.visitsStart?.();
          r.pos++;
          if (r.peek() === CLOSE_BRACKET) r.pos++;
          else {
            // parsed even when not wanted (the file must be JSON throughout), in batches
            let first = 0;
            let last = 0;
            let pending = 0;
            const flush = (): void => {
              for (const value of r.parseBatch(first, last, pending)) visitor.visit?.(value, visits++);
              pending = 0;
            };
            // the file as `ltc export` lays it out: runs of visits found without visiting every byte
            let laidOut = true;
            for (;;) {
              const run = laidOut && pending === 0 && r.peek() === OPEN_BRACE ? r.laidOutRun(BATCH_BYTES) : 'none';
              if (run === 'failed') laidOut = false;
              if (typeof run !== 'string') for (const value of run) visitor.visit?.(value, visits++);
              else {
                const [start, end] = r.skipValue(true);
                if (pending === 0) first = start;
                last = end;
                // while runs are found, a value read byte by byte is parsed at once (a rare one: the next is a run)
                if (++pending === BATCH || last - first >= BATCH_BYTES || laidOut) flush();
              }
              const b = r.peek();
              r.pos++;
              if (b === CLOSE_BRACKET) break;
              if (b !== COMMA) throw new NotStreamable(', or ] expected');
            }
            if (pending > 0) flush();
          }
        } else {
          const range = r.skipValue();
          // parsed even when not wanted: the file must be JSON throughout
          const text = r.text(range);
          visitor.head?.(key, r.parse(range, text), text);
        }
        const b = r.peek();
        r.pos++;
        if (b === CLOSE_BRACE) break;
        if (b !== COMMA) throw new NotStreamable(', or } expected');
      }
    }
    if (r.peek() !== -1) throw new NotStreamable('bytes after the end');
    return { visitsArray, visits };
  } finally {
    closeSync(fd);
  }
}
