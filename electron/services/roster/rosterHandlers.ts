import type { rosterApi } from '../../../shared/api/roster';
import type { HandlersOf } from '../api/handlers';
import { whileHolding } from '../jobs/jobs';
import { commitRoster, previewRoster } from './rosterService';
import { rosterTemplate } from './template';

export const rosterHandlers: HandlersOf<typeof rosterApi> = {
  'roster.template': () => rosterTemplate(),
  'roster.preview': (input, ctx) => previewRoster(ctx.db, input.file),
  // held as an import: a restart for an update waits until it has ended
  'roster.commit': (input, ctx) => whileHolding('import', () => commitRoster(ctx.db, input.file, input.excludeRows, ctx.actor)),
};
