/**
 * Errors cross the contract as values, never as stacks: `{ ok: false, error }`. The renderer turns
 * them back into an `ApiCallError` and shows `message` (Chinese, says what to fix) as is.
 */
export type ApiErrorCode =
  /** the input was wrong; `problems` says where */
  | 'BAD_INPUT'
  | 'NOT_FOUND'
  /** the change contradicts the records (a duplicate ID number, a return with no hospital stay…) */
  | 'CONFLICT'
  /** the month is submitted; a change needs a correction with a reason */
  | 'LOCKED'
  | 'DB_TOO_NEW'
  | 'UNKNOWN_METHOD'
  /** the caller may not make this call (the HTTP host: a request not from its own page; a role without the right) */
  | 'FORBIDDEN'
  /** the database could not be opened: the app is in safe mode and serves only the recovery calls (recovery.ts) */
  | 'SAFE_MODE'
  /** no valid login: not logged in, logged out, the server restarted, or the window is locked */
  | 'UNAUTHENTICATED'
  | 'INTERNAL';

export interface ApiProblem {
  /** the field's key (forms put the message under that field), or a place such as a roster row */
  path: string;
  message: string;
  /** the field's Chinese label (shared/api/labels.ts), what the user is shown instead of the key */
  label?: string;
}

export interface ApiError {
  code: ApiErrorCode;
  message: string;
  problems?: ApiProblem[];
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };
