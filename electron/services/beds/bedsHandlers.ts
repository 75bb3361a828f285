import type { bedsApi } from '../../../shared/api/beds';
import type { HandlersOf } from '../api/handlers';
import { bedBoard, freeBeds } from './bedBoard';
import { deleteBed, listBeds, saveBed } from './bedStore';

export const bedsHandlers: HandlersOf<typeof bedsApi> = {
  'beds.list': (input, ctx) => listBeds(ctx.db, input),
  'beds.save': (input, ctx) => saveBed(ctx.db, input, ctx.actor),
  'beds.delete': (input, ctx) => deleteBed(ctx.db, input.id, ctx.actor),
  'beds.board': (input, ctx) => bedBoard(ctx.db, input.date),
  'beds.free': (input, ctx) => freeBeds(ctx.db, input.date),
};
