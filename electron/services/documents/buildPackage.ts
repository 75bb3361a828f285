/**
 * The monthly claim package (申报包, docs/rules.md §8.6): claim.json, claim.xlsx, the PDFs and manifest.json.
 * Deterministic: the same claim, records and `generatedOn` give byte-identical files (with the same
 * font file, the same pinned versions of pdfkit, fontkit, pdfmake and exceljs, and the same version of
 * this code), which is how a submitted package is verified (tests/unit/documents/packageBytes.test.ts).
 * PDFs render in worker threads (pdfWorker.ts; in this thread from the sources); per-person documents
 * are split into parts so that no single document grows beyond what one worker lays out comfortably.
 */
import type { Claim } from '../../../shared/claims/types';
import { isValidDate } from '../../../shared/domain/dates';
import type { LocalDate } from '../../../shared/domain/model';
import type { PackageBuilder, PackageFile, PackageProgress, Submission } from '../claims/packageTypes';
import { InputError } from '../errors';
import { bedDaysPdf, BED_DAYS_TITLE } from './bedDaysPdf';
import { claimJsonBytes } from './claimJson';
import { findPdfFonts, type PdfFonts } from './fonts';
import { partFileName } from './format';
import { issuesPdf, ISSUES_TITLE } from './issuesPdf';
import { manifestFile, packageFile } from './manifest';
import { inSharedMemory } from './sharedBytes';
import { packageData, type PackageData, type PackageRecords } from './packageData';
import type { DocMeta } from './pdfBase';
import { personalPdf, personalRows, PERSONAL_TITLE } from './personalPdf';
import type { PdfJob, PdfSpec } from './pdfJob';
import { renderPdfs } from './renderPool';
import { partLabel, splitByWeight } from './split';
import { summaryPdf, SUMMARY_TITLE } from './summaryPdf';
import { visitClients, visitRows, visitsPdf, VISITS_TITLE } from './visitsPdf';
import { claimWorkbook } from './workbook';

/**
 * Rows per part, ~125 pages each: a big package gives enough parts to keep both workers busy, and
 * each part is a file one can open and print. (The budget fixes the parts' names and contents:
 * changing it changes a regenerated package.) The per-person documents are form documents
 * (formSpec.ts) drawn with pdfkit directly, ~1 s a part; only the summary goes through pdfmake.
 */
export interface PartBudget {
  personalRows: number;
  visitRows: number;
  bedDayPersons: number;
}

export const PART_BUDGET: Readonly<PartBudget> = {
  personalRows: 6000,
  visitRows: 4000,
  // the register: a row a person, ~33 a landscape page
  bedDayPersons: 900,
};

export interface ClaimPackageInput {
  claim: Claim;
  /** the month's records the claim was computed from (loadClaimInput) */
  records: PackageRecords;
  /** the date printed on the documents, `YYYY-MM-DD`: the claim's record of it, never the clock */
  generatedOn: LocalDate;
  /** who submitted it, when, under which number; absent: a draft, marked 草稿（未申报） on every page and sheet */
  submission?: Submission;
  /** the institution as printed on the PDFs and the workbook; by default the claim's own */
  institution?: Claim['institution'];
  onProgress?: (p: PackageProgress) => void;
}

export interface PackageOptions {
  /** by default the bundled fonts, else the system's (fonts.ts) */
  fonts?: PdfFonts;
  /** PDF worker threads (default two) */
  workers?: number;
  /** the built PDF worker (default: the app's, renderPool.ts builtPdfWorker); null renders in this thread */
  pdfWorker?: string | null;
  /** service item names by code; by default the catalogue of the claim's pack */
  itemNames?: ReadonlyMap<string, string>;
  /** where per-person documents are cut into parts (tests use small budgets) */
  partBudget?: Partial<PartBudget>;
  /** each PDF as it is rendered, with its page count (measurements, logs) */
  onPdf?: (pdf: { name: string; pages: number; bytes: number }) => void;
  /**
   * A full garbage collection (workerGc.ts), called once the workbook is written and before the PDFs:
   * the claim worker passes it, so that the claim's and the workbook's garbage is not still held beside
   * two PDF workers at the package's peak. Only a thread that serves no window may pass it.
   */
  collectGarbage?: () => void;
  /**
   * Every file's bytes in shared memory (sharedBytes.ts): the claim worker posts the package to its owner
   * shared, so that handing it over detaches none of its buffers.
   */
  shared?: boolean;
}

/** A per-person document as parts: jobs that build their definitions only when a worker is free. */
function partJobs<T>(
  title: string,
  items: readonly T[],
  weight: (t: T) => number,
  budget: number,
  no: (t: T) => number | null,
  build: (part: readonly T[], label: string | undefined) => PdfSpec,
): PdfJob[] {
  const parts = splitByWeight(items, weight, budget);
  return parts.map((part, i) => {
    const nos = part.map(no).filter((n): n is number => n !== null);
    const label = partLabel(i, parts.length, nos[0], nos[nos.length - 1]);
    return { name: partFileName(title, i, parts.length), build: () => build(part, label) };
  });
}

function pdfJobs(data: PackageData, meta: Omit<DocMeta, 'title'>, budget: PartBudget, submission: Submission | undefined): PdfJob[] {
  const withPart = (part: string | undefined) => (part ? { ...meta, part } : meta);
  const institutional = data.lines.filter((n) => n.line.mode === 'institutional');
  const clients = visitClients(data);
  const summary = () => summaryPdf(data, meta, submission);
  const jobs: PdfJob[] = [{ name: `${SUMMARY_TITLE}.pdf`, build: summary }];
  jobs.push(
    ...partJobs(
      PERSONAL_TITLE,
      data.lines,
      personalRows,
      budget.personalRows,
      (n) => n.no,
      (part, label) => personalPdf(data, part, withPart(label)),
    ),
  );
  // Evidence documents only when there is evidence: a home-care agency gets no empty bed-day table.
  if (institutional.length > 0) {
    jobs.push(
      ...partJobs(
        BED_DAYS_TITLE,
        institutional,
        () => 1,
        budget.bedDayPersons,
        (n) => n.no,
        (part, label) => bedDaysPdf(data, part, withPart(label)),
      ),
    );
  }
  if (clients.length > 0) {
    jobs.push(
      ...partJobs(
        VISITS_TITLE,
        clients,
        visitRows,
        budget.visitRows,
        (c) => c.no,
        (part, label) => visitsPdf(data, part, withPart(label)),
      ),
    );
  }
  // the institution's own list, last: not uploaded (manifest.ts)
  jobs.push({ name: `${ISSUES_TITLE}.pdf`, build: () => issuesPdf(data, meta) });
  return jobs;
}

export async function buildClaimPackage(input: ClaimPackageInput, options: PackageOptions = {}): Promise<PackageFile[]> {
  const { claim, records, generatedOn } = input;
  if (!isValidDate(generatedOn)) {
    throw new InputError(`填报日期“${generatedOn}”格式不对，应为 YYYY-MM-DD`, [{ path: 'generatedOn', message: '应为 YYYY-MM-DD' }]);
  }
  const fonts = options.fonts ?? findPdfFonts();
  const institution = input.institution ?? claim.institution;
  const data = packageData(claim, records, { itemNames: options.itemNames, institution });
  const { submission } = input;
  const draft = !submission;
  const meta: Omit<DocMeta, 'title'> = { institution, month: claim.month, kind: claim.kind, generatedOn, ...(draft ? { draft } : {}) };
  const jobs = pdfJobs(data, meta, { ...PART_BUDGET, ...options.partBudget }, submission);

  const total = jobs.length + 3;
  let done = 0;
  const report = (phase: string) => input.onProgress?.({ done, total, phase });
  report('生成申报数据');
  const keep = (bytes: Uint8Array): Uint8Array => (options.shared ? inSharedMemory(bytes) : bytes);
  const files: PackageFile[] = [packageFile('claim.json', keep(claimJsonBytes(claim)))];
  done++;
  report('生成申报工作簿');
  files.push(packageFile('claim.xlsx', keep(await claimWorkbook(claim, generatedOn, { policyTitle: data.policyTitle, institution, data, draft }))));
  done++;
  options.collectGarbage?.();
  report(`生成PDF（共 ${jobs.length} 个文件）`);
  const pdfs = await renderPdfs(jobs, {
    fonts,
    workers: options.workers,
    workerFile: options.pdfWorker,
    shared: options.shared,
    onRendered: (pdf) => {
      done++;
      options.onPdf?.({ name: pdf.name, pages: pdf.pages, bytes: pdf.bytes.length });
      report(`已生成 ${pdf.name}`);
    },
  });
  files.push(...pdfs.map((p) => packageFile(p.name, p.bytes)));
  report('生成文件清单');
  const manifest = manifestFile(claim, generatedOn, files, submission);
  files.push({ ...manifest, bytes: keep(manifest.bytes) });
  done++;
  report('完成');
  return files;
}

/** The builder the claim lifecycle takes (submit, 补报, verify): defaults for fonts and workers. */
export const claimPackageBuilder: PackageBuilder = (input) => buildClaimPackage(input);
