/**
 * Checks an `ltc-dataset` v1 file before anything is stored: first its shape (JSON Schema), then,
 * only if the shape is right, what the schema cannot express. All problems are collected, so the
 * user fixes a file in one round instead of one error per attempt.
 */
import type { Dataset, LocalDate } from '../../../shared/domain/model';
import { serviceToday } from '../db/clock';
import type { DatasetProblem } from './problems';
import { schemaProblems } from './schemaCheck';
import { semanticProblems } from './semanticChecks';

export { formatProblems, type DatasetProblem } from './problems';

export type ValidationResult = { ok: true; dataset: Dataset } | { ok: false; problems: DatasetProblem[] };

/** `today`: what "not yet happened" is judged against (the services' today unless a test pins it). */
export function validateDataset(json: unknown, today: LocalDate = serviceToday()): ValidationResult {
  const shape = schemaProblems(json);
  if (shape.length > 0) return { ok: false, problems: shape };
  // The schema has proved the shape of Dataset; the cast only tells TypeScript so.
  const dataset = json as Dataset;
  const problems = semanticProblems(dataset, today);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, dataset };
}
