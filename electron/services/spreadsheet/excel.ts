// exceljs, loaded the first time a workbook is read or written, not when the program starts: it and its
// dependencies are ~400 files, half of what `ltc` and the host load before their first line runs (0.17 s of
// `ltc --version`'s 0.34 s), and most runs of `ltc` and most sessions of the app never touch a workbook.
import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';

const requireHere = createRequire(import.meta.url);
let loaded: typeof ExcelJS | undefined;

/** The exceljs module (its `Workbook`, `stream.xlsx.WorkbookReader` / `WorkbookWriter`…). */
export function excel(): typeof ExcelJS {
  loaded ??= withoutBlob(() => requireHere('exceljs') as typeof ExcelJS);
  return loaded;
}

/**
 * `load()` with `Blob` out of sight. ExcelJS's JSZip checks on loading whether it can make Blobs by making
 * one, and Node's Blob detaches the buffer it copies its bytes into. Once any ArrayBuffer of a thread has been
 * detached, V8 checks every typed-array access of that thread for it: the claim's loops over typed arrays ran
 * ~2× slower in the claim worker after its first package (its workbook), and in any thread after a workbook
 * (tests/bench/README.md). Without Blob, JSZip notes that it has none; neither ExcelJS nor this program asks
 * it for Blobs (the workbooks are read from and written to bytes).
 */
function withoutBlob<T>(load: () => T): T {
  const blob = Object.getOwnPropertyDescriptor(globalThis, 'Blob');
  if (!blob?.configurable) return load();
  Object.defineProperty(globalThis, 'Blob', { value: undefined, configurable: true, writable: true });
  try {
    return load();
  } finally {
    Object.defineProperty(globalThis, 'Blob', blob);
  }
}
