/**
 * The window's big imports, by the name of their call: each reads an uploaded workbook (up to 50,000
 * rows), checks every row against the records, and the commits write them all in one transaction.
 * Seconds of work, so in the built app they run in the import worker (importWorker.ts); from the
 * sources (tests) in the calling thread. One table, so both run exactly the same code.
 */
import type { OutputOf, ParsedInputOf } from '../../../shared/api/contract';
import type { LtcDatabase } from '../db/database';
import { commitRoster, previewRoster } from '../roster/rosterService';
import { commitImport, previewImport } from '../visits/import/importVisits';

export type ImportOp = 'visits.importPreview' | 'visits.importCommit' | 'roster.preview' | 'roster.commit';

type Run<M extends ImportOp> = (db: LtcDatabase, input: ParsedInputOf<M>, actor: string) => Promise<OutputOf<M>>;

export const IMPORT_OPS: { [M in ImportOp]: Run<M> } = {
  'visits.importPreview': (db, input) => previewImport(db, input.file),
  'visits.importCommit': (db, input, actor) => commitImport(db, input, actor),
  'roster.preview': (db, input) => previewRoster(db, input.file),
  'roster.commit': (db, input, actor) => commitRoster(db, input.file, input.excludeRows, actor),
};

/** The ops that write, and what a user is told is happening while one runs. */
export const WRITES: Partial<Record<ImportOp, string>> = {
  'visits.importCommit': '导入上门服务记录',
  'roster.commit': '导入花名册',
};
