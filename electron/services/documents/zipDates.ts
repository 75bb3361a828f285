/**
 * exceljs zips the workbook with JSZip, which stamps every entry with the current time and offers
 * no way to pass another date. The time sits at fixed offsets of each entry's local header and
 * central-directory record (APPNOTE.TXT 4.3.7, 4.3.12), so it is rewritten there: same workbook,
 * same bytes. Nothing else in the archive moves, so sizes and CRCs stay valid.
 */
import type { LocalDate } from '../../../shared/domain/model';

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

/** MS-DOS date and time fields of a local date at midnight. */
export function dosDateTime(date: LocalDate): { date: number; time: number } {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  if (y < 1980 || y > 2107) throw new RangeError(`a zip date must be within 1980–2107, got ${date}`);
  return { date: ((y - 1980) << 9) | (m << 5) | d, time: 0 };
}

function findEndOfCentralDirectory(view: DataView): number {
  // The EOCD record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
  const min = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let at = view.byteLength - 22; at >= min; at--) {
    if (view.getUint32(at, true) === EOCD_SIGNATURE) return at;
  }
  throw new Error('not a zip archive: no end of central directory record');
}

/** A copy of `zip` with every entry's modification time set to `date` 00:00. */
export function setZipEntryDates(zip: Uint8Array, date: LocalDate): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const dos = dosDateTime(date);
  const eocd = findEndOfCentralDirectory(view);
  const entries = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  for (let i = 0; i < entries; i++) {
    if (view.getUint32(at, true) !== CENTRAL_SIGNATURE) throw new Error(`zip central directory entry ${i} is damaged`);
    view.setUint16(at + 12, dos.time, true);
    view.setUint16(at + 14, dos.date, true);
    const local = view.getUint32(at + 42, true);
    if (view.getUint32(local, true) !== LOCAL_SIGNATURE) throw new Error(`zip local header of entry ${i} is damaged`);
    view.setUint16(local + 10, dos.time, true);
    view.setUint16(local + 12, dos.date, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return out;
}
