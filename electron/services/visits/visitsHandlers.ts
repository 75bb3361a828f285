import type { visitsApi } from '../../../shared/api/visits';
import type { HandlersOf } from '../api/handlers';
import { whileHolding } from '../jobs/jobs';
import { commitImport, previewImport } from './import/importVisits';
import { importTemplate } from './import/template';
import { findPeople, visitCatalogue } from './lookup';
import { checkVisit } from './visitCheck';
import { listVisits } from './visitList';
import { deleteVisit, getVisit, saveVisit } from './visitWrite';

export const visitsHandlers: HandlersOf<typeof visitsApi> = {
  'visits.list': (input, ctx) => listVisits(ctx.db, input),
  'visits.get': (input, ctx) => getVisit(ctx.db, input.id),
  'visits.save': (input, ctx) => saveVisit(ctx.db, input, ctx.actor),
  'visits.delete': (input, ctx) => deleteVisit(ctx.db, input.id, input.correctionReason, ctx.actor),
  'visits.check': (input, ctx) => checkVisit(ctx.db, input),
  'visits.people': (input, ctx) => findPeople(ctx.db, input.kind, input.search, input.ids),
  'visits.catalogue': (_input, ctx) => visitCatalogue(ctx.db),
  'visits.importPreview': (input, ctx) => previewImport(ctx.db, input.file),
  // held as an import: a restart for an update waits until it has ended
  'visits.importCommit': (input, ctx) => whileHolding('import', () => commitImport(ctx.db, input, ctx.actor)),
  'visits.importTemplate': (_input, ctx) => importTemplate(ctx.db),
};
