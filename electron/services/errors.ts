/**
 * Input the user can fix: a file that fails validation, a month that is not a month, a database
 * with no institution. Carries every problem found, each in Chinese, so nothing has to be guessed.
 * The CLI exits 1 on it; the IPC layer sends it across as `{ ok: false, code, message, problems }`.
 */
export interface Problem {
  /** where: a JSON path such as `visits[3].end`, a field, or '' for the whole input */
  path: string;
  message: string;
}

export class InputError extends Error {
  readonly code = 'BAD_INPUT';

  constructor(
    message: string,
    readonly problems: readonly Problem[] = [],
  ) {
    super(message);
    this.name = 'InputError';
  }
}

/** A refusal with a code the renderer can act on (NOT_FOUND, CONFLICT, LOCKED); message in Chinese. */
export class ServiceError extends Error {
  constructor(
    readonly code: 'NOT_FOUND' | 'CONFLICT' | 'LOCKED' | 'FORBIDDEN' | 'UNAUTHENTICATED',
    message: string,
    readonly problems: readonly Problem[] = [],
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}
