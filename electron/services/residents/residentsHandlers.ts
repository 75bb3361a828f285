import type { residentsApi } from '../../../shared/api/residents';
import type { HandlersOf } from '../api/handlers';
import { addAssessment, deleteAssessment } from './assessmentWrite';
import { residentCalendar } from './calendar';
import { addEvent, deleteEvent } from './eventWrite';
import { getResident } from './residentDetail';
import { listResidents } from './residentList';
import { deleteResident, saveResident } from './residentWrite';

export const residentsHandlers: HandlersOf<typeof residentsApi> = {
  'residents.list': (input, ctx) => listResidents(ctx.db, input),
  'residents.get': (input, ctx) => getResident(ctx.db, input.id, input.today),
  'residents.save': (input, ctx) => saveResident(ctx.db, input, ctx.actor),
  'residents.delete': (input, ctx) => deleteResident(ctx.db, input.id, ctx.actor),
  'residents.addAssessment': (input, ctx) => addAssessment(ctx.db, input, ctx.actor),
  'residents.deleteAssessment': (input, ctx) => deleteAssessment(ctx.db, input.id, input.correctionReason, ctx.actor),
  'residents.addEvent': (input, ctx) => addEvent(ctx.db, input, ctx.actor),
  'residents.deleteEvent': (input, ctx) => deleteEvent(ctx.db, input.id, input.correctionReason, ctx.actor),
  'residents.calendar': (input, ctx) => residentCalendar(ctx.db, input.id, input.month),
};
