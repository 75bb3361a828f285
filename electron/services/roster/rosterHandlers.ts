import type { rosterApi } from '../../../shared/api/roster';
import type { HandlersOf } from '../api/handlers';
import { commitRoster, previewRoster } from './rosterService';
import { rosterTemplate } from './template';

export const rosterHandlers: HandlersOf<typeof rosterApi> = {
  'roster.template': () => rosterTemplate(),
  'roster.preview': (input, ctx) => previewRoster(ctx.db, input.file),
  'roster.commit': (input, ctx) => commitRoster(ctx.db, input.file, input.excludeRows, ctx.actor),
};
