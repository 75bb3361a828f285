import type { rosterApi } from '../../../shared/api/roster';
import type { HandlersOf } from '../api/handlers';
import { runImport } from '../importWorker/importOffThread';
import { rosterTemplate } from './template';

export const rosterHandlers: HandlersOf<typeof rosterApi> = {
  'roster.template': () => rosterTemplate(),
  // off the serving thread in the built app (importWorker/importOffThread.ts)
  'roster.preview': (input, ctx) => runImport(ctx.db, 'roster.preview', input, ctx.actor),
  'roster.commit': (input, ctx) => runImport(ctx.db, 'roster.commit', input, ctx.actor),
};
