/**
 * `ltc import`'s route for a dataset file (issue 17): the file is read as a stream (datasetFile.ts), never
 * whole, and in two passes. The first checks it: the same JSON Schema and the same rules as
 * validateDataset, applied to each visit as it is read, every problem listed in the same order with the
 * same Chinese message and path; nothing is opened or written. The second stores it, its visits inserted
 * as they are read, all in the caller's ONE transaction (all or nothing, as importDataset). Held in memory
 * at once: the file's other parts (institution, people, rota, plans), one visit, and the refs and ID
 * numbers the uniqueness checks need.
 */
import { statSync } from 'node:fs';
import type { Dataset, LocalDate, Visit } from '../../../shared/domain/model';
import { serviceToday } from '../db/clock';
import { withPageCache, type LtcDatabase } from '../db/database';
import { InputError } from '../errors';
import { NotStreamable, scanDatasetFile } from './datasetFile';
import { beginImport, type ImportRun, type ImportSummary } from './importDataset';
import { PEOPLE, readForImportOffThread, type ReadVerdict, type ReaderMessage } from './importReader';
import type { DatasetProblem } from './problems';
import { headSchemaProblems, visitSchemaProblems } from './schemaCheck';
import { semanticChecks, type SemanticChecks } from './semanticChecks';

/** A file validateDatasetFile has passed: only it makes one, so nothing unchecked reaches importDatasetFile. */
export class CheckedDatasetFile {
  private constructor(
    readonly file: string,
    /** the file's dataset without its visits (`visits: []`) */
    readonly head: Dataset,
    /** how many visits it has */
    readonly visits: number,
    private readonly size: number,
    private readonly mtimeMs: number,
  ) {}

  /** @internal validateDatasetFile's */
  static of(file: string, head: Dataset, visits: number, stat: { size: number; mtimeMs: number }): CheckedDatasetFile {
    return new CheckedDatasetFile(file, head, visits, stat.size, stat.mtimeMs);
  }

  /** Whether the file is still the one checked (the second pass reads it again). */
  unchanged(): boolean {
    const now = statSync(this.file);
    return now.size === this.size && now.mtimeMs === this.mtimeMs;
  }
}

export type FileValidation = { ok: true; checked: CheckedDatasetFile } | { ok: false; problems: DatasetProblem[] };

/**
 * validateDataset for a file, read as a stream. `null` when the file is not one the stream reader takes
 * (not JSON, not UTF-8, a key given twice: datasetFile.ts): the caller reads it whole, whose messages
 * place what is wrong by line and column.
 */
export function validateDatasetFile(file: string, today: LocalDate = serviceToday()): FileValidation | null {
  try {
    return validateStream(file, today);
  } catch (e) {
    if (e instanceof NotStreamable) return null;
    throw e;
  }
}

function validateStream(file: string, today: LocalDate): FileValidation {
  const stat = statSync(file);
  const head: Record<string, unknown> = {};
  // the visits' shape problems; their rules' problems are the SemanticChecks' (only asked for when the
  // whole file has the right shape, as validateDataset)
  const visitShape: DatasetProblem[] = [];
  let checks: SemanticChecks | null = null;
  const scan = scanDatasetFile(file, {
    head: (key, value) => {
      head[key] = value;
    },
    visitsStart: () => {
      head['visits'] = [];
      // The usual file (as `ltc export` writes it) has the institution and the people before the visits:
      // each visit's rules are then applied as it is read. Otherwise a second pass applies them.
      const ready = PEOPLE.every((k) => k in head) && headSchemaProblems(head, true).before.every((p) => !PEOPLE.some((k) => p.path.startsWith(k)));
      if (ready) checks = semanticChecks(head as unknown as Dataset, today);
    },
    visit: (v, i) => {
      const shape = visitSchemaProblems(v, i);
      if (shape.length > 0) visitShape.push(...shape);
      else if (visitShape.length === 0) checks?.visit(v as Visit, i);
    },
  });
  const { before, after } = headSchemaProblems(head, scan.visitsArray);
  const shape = [...before, ...visitShape, ...after];
  if (shape.length > 0) return { ok: false, problems: shape };

  // The schema has proved the shape of Dataset; the cast only tells TypeScript so.
  const dataset = head as unknown as Dataset;
  if (!checks) {
    const late = semanticChecks(dataset, today);
    scanDatasetFile(file, { visit: (v, i) => late.visit(v as Visit, i) });
    checks = late;
  }
  const problems = (checks as SemanticChecks).problems();
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, checked: CheckedDatasetFile.of(file, dataset, scan.visits, stat) };
}

/**
 * Stores a checked file, all or nothing: one transaction, the visits inserted as the file is read again.
 * A file changed since it was checked is refused (nothing stored).
 */
export function importDatasetFile(db: LtcDatabase, checked: CheckedDatasetFile, opts: { actor: string }): ImportSummary {
  const changed = (): InputError => new InputError(`数据文件 ${checked.file} 在检查之后被改动，未导入任何数据，请重新导入`);
  if (!checked.unchanged()) throw changed();
  return db.transaction(() => {
    const run = beginImport(db, checked.head, opts.actor);
    let scan: { visits: number };
    try {
      scan = scanDatasetFile(checked.file, { visit: (v) => run.visit(v as Visit) });
    } catch (e) {
      if (e instanceof NotStreamable) throw changed();
      throw e;
    }
    if (scan.visits !== checked.visits || !checked.unchanged()) throw changed();
    return run.finish();
  });
}

/**
 * The file checked and stored in ONE pass, in the caller's transaction (issue 17: reading and parsing the
 * file twice cost more than the inserts' margin over their floor). The usual file (as `ltc export` writes
 * it) has the institution and the people before the visits: once they are read and found right, they are
 * stored and each visit is checked and then inserted. The reading and checking run in the dataset worker
 * (importReader.ts) while this thread inserts what it has checked, a pipeline over two cores: this thread
 * only stores. The first problem anywhere stops the inserts; reading goes on, so that every problem is
 * listed as validateDataset lists it; then `refuse` makes the error thrown, which rolls the transaction
 * back: nothing stored. A database error on the way (a refused institution, a timeline that no longer
 * holds) is thrown only when the file has no problem, as it was when the whole file was checked first.
 * Returns `null` when the visits come before the people: then nothing has been written, and the two-pass
 * route (validateDatasetFile, importDatasetFile) does it. Throws `NotStreamable` as scanDatasetFile.
 * `workerFile`: the built dataset worker (default: the app's; null reads in this thread).
 */
export function importDatasetFileOnce(
  db: LtcDatabase,
  file: string,
  opts: { actor: string; today?: LocalDate; refuse: (problems: DatasetProblem[]) => Error; workerFile?: string | null },
): ImportSummary | null {
  const today = opts.today ?? serviceToday();
  // Into an empty visits table the inserts append (their indexes are built after them: importDataset.ts),
  // so SQLite's page cache needs little: 16 MiB instead of the connection's 64 for the import's length
  // took ~50 MB off its peak, at the same speed (tests/bench/README.md). A merge into stored visits keeps it.
  const appending = (db.raw.prepare('SELECT NOT EXISTS (SELECT 1 FROM visits)').pluck().get() as number) === 1;
  return appending ? withPageCache(db, IMPORT_CACHE_KIB, () => importOnce(db, file, today, opts)) : importOnce(db, file, today, opts);
}

/** SQLite's page cache while a file is imported into an empty visits table. */
const IMPORT_CACHE_KIB = 16384;

function importOnce(
  db: LtcDatabase,
  file: string,
  today: LocalDate,
  opts: { actor: string; refuse: (problems: DatasetProblem[]) => Error; workerFile?: string | null },
): ImportSummary | null {
  return db.transaction(() => {
    const head: Record<string, unknown> = {};
    let run: ImportRun | null = null;
    // what the database refused while the file was still being checked
    let refused: unknown = null;
    let verdict: ReadVerdict = { later: true };
    const take = (m: ReaderMessage): void => {
      switch (m.kind) {
        case 'head':
          head[m.key] = JSON.parse(m.text) as unknown;
          break;
        case 'visitsStart':
          head['visits'] = [];
          if (!m.begin) break;
          try {
            run = beginImport(db, head as unknown as Dataset, opts.actor);
          } catch (e) {
            refused = e;
          }
          break;
        case 'batch':
          if (!run) break;
          try {
            (run as ImportRun).visitBatch(m.batch);
          } catch (e) {
            refused = e;
            run = null;
          }
          break;
        case 'end':
          verdict = m.verdict;
          break;
      }
    };
    if (opts.workerFile === undefined) readForImportOffThread(file, today, take);
    else readForImportOffThread(file, today, take, opts.workerFile);
    const v = verdict as ReadVerdict;
    if ('problems' in v) throw opts.refuse(v.problems);
    if ('later' in v) return null;
    if (refused) throw refused;
    if (!run) run = beginImport(db, head as unknown as Dataset, opts.actor);
    return (run as ImportRun).finish();
  });
}
