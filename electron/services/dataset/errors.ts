import { InputError } from '../errors';
import type { DatasetProblem } from './problems';

export type DatasetErrorReason = 'IMPORT_INVALID' | 'IMPORT_OTHER_INSTITUTION' | 'IMPORT_TIMELINE' | 'NO_INSTITUTION' | 'BAD_MONTH';

/**
 * A refused import, export or month load: input the user can fix, so it is an `InputError` (the CLI
 * and IPC already know how to show those); `reason` says which refusal it was.
 */
export class DatasetError extends InputError {
  constructor(
    readonly reason: DatasetErrorReason,
    message: string,
    problems: readonly DatasetProblem[] = [],
  ) {
    super(message, problems);
    this.name = 'DatasetError';
  }
}
