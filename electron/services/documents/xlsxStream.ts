/**
 * A workbook written as it is built, row by row, so that a month's 82,000 visit rows never exist as
 * ExcelJS cell objects at once (held whole, they took ~700 MB of heap and raised the package's peak from
 * ~1.1 to ~1.8 GB; tests/bench/README.md "Where the memory goes").
 *
 * ExcelJS's streaming writer (`stream.xlsx.WorkbookWriter`) turns each committed row into XML at once,
 * but zips it with archiver, i.e. with the zlib of whichever runtime runs it (Node for `ltc`, Electron's
 * for the window) and stamps every entry with the clock. A submitted package must regenerate to the
 * same bytes anywhere (docs/decisions.md D28), so the writer's zip is replaced by fflate, whose deflate is
 * plain JavaScript (the same bytes in every runtime), with every entry dated the document's date.
 *
 * The replacement goes through two internals of ExcelJS 4.4.0 (pinned in package.json): the writer's
 * `zip` (archiver's `append`/`finalize`/`on`) and `_openStream` (a worksheet's XML stream). The tests
 * that read the workbook back (ExcelJS and LibreOffice) and the package byte hashes guard both.
 */
import type ExcelJS from 'exceljs';
import { excel } from '../spreadsheet/excel';
import { EventEmitter } from 'node:events';
import { Zip, ZipDeflate } from 'fflate';
import type { LocalDate } from '../../../shared/domain/model';

/** Deflate level of every entry: what JSZip used for the in-memory workbook, small and quick. */
const LEVEL = 6;

type Chunk = string | Uint8Array | { toBuffer(): Buffer };

const encoder = new TextEncoder();
function bytesOf(data: Chunk): Uint8Array {
  if (typeof data === 'string') return encoder.encode(data);
  if (data instanceof Uint8Array) return data;
  return data.toBuffer();
}

/** A worksheet's XML as ExcelJS writes it (`write`, `end`, `pause`), deflated into its zip entry as it comes. */
class EntryStream extends EventEmitter {
  constructor(private readonly file: ZipDeflate) {
    super();
  }
  pause(): void {}
  write(data: Chunk): boolean {
    const bytes = bytesOf(data);
    if (bytes.length > 0) this.file.push(bytes);
    return true;
  }
  end(): void {
    this.file.push(new Uint8Array(0), true);
    this.emit('finish');
    // what the workbook waits for before it writes the parts that list the sheets
    this.emit('zipped');
  }
}

/** archiver's surface as WorkbookWriter uses it, over an fflate zip collected in memory (the file is small). */
class DeflateSink extends EventEmitter {
  private readonly zip: Zip;
  private readonly chunks: Uint8Array[] = [];
  private done = false;
  constructor(
    private readonly mtime: Date,
    private readonly out: EventEmitter,
  ) {
    super();
    this.zip = new Zip((err, chunk, final) => {
      if (err) {
        this.emit('error', err);
        return;
      }
      this.chunks.push(chunk);
      if (final) {
        this.done = true;
        this.out.emit('finish');
      }
    });
  }
  entry(name: string): ZipDeflate {
    // ExcelJS names some parts with a leading slash; a zip entry's name has none
    const file = new ZipDeflate(name.replace(/^\//, ''), { level: LEVEL });
    file.mtime = this.mtime;
    this.zip.add(file);
    return file;
  }
  append(source: Chunk, options: { name: string }): void {
    this.entry(options.name).push(bytesOf(source), true);
  }
  finalize(): void {
    this.zip.end();
  }
  bytes(): Uint8Array {
    if (!this.done) throw new Error('the workbook is not finished');
    const out = new Uint8Array(this.chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

/** The internals replaced (ExcelJS 4.4.0, lib/stream/xlsx/workbook-writer.js). */
interface WriterInternals {
  zip: unknown;
  stream: unknown;
  _openStream(path: string): unknown;
}

export interface StreamingWorkbook {
  wb: ExcelJS.stream.xlsx.WorkbookWriter;
  /** Commits every sheet not yet committed and returns the file's bytes. */
  finish(): Promise<Uint8Array>;
}

/**
 * A streaming workbook whose zip entries are all dated `date` 00:00 and deflated by fflate. Sheets from
 * `wb.addWorksheet`; commit each row (`row.commit()`) once it is final to let it go.
 */
export function streamingWorkbook(date: LocalDate): StreamingWorkbook {
  const wb = new (excel().stream.xlsx.WorkbookWriter)({ useStyles: true, useSharedStrings: true });
  // A DOS time is local: a date made of local parts is that day at 00:00 wherever the file is made.
  const mtime = new Date(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  const out = new EventEmitter();
  const sink = new DeflateSink(mtime, out);
  const internals = wb as unknown as WriterInternals;
  // The constructor's archiver (already given the theme and the package rels) is left unused and unfinished.
  internals.zip = sink;
  internals.stream = out;
  internals._openStream = (path: string) => new EntryStream(sink.entry(path));
  void wb.addThemes();
  void wb.addOfficeRels();
  return {
    wb,
    async finish() {
      await wb.commit();
      return sink.bytes();
    },
  };
}
