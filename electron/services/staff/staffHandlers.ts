import type { staffApi } from '../../../shared/api/staff';
import type { HandlersOf } from '../api/handlers';
import { deleteCertificate, saveCertificate } from './certificateStore';
import { listStaff, staffMatrix } from './staffList';
import { deleteStaff, getStaff, saveStaff } from './staffStore';

export const staffHandlers: HandlersOf<typeof staffApi> = {
  'staff.list': (q, ctx) => listStaff(ctx.db, q),
  'staff.get': (q, ctx) => getStaff(ctx.db, q.id, q.date),
  'staff.save': (input, ctx) => saveStaff(ctx.db, input, ctx.actor),
  'staff.delete': (q, ctx) => deleteStaff(ctx.db, q.id, ctx.actor),
  'staff.saveCertificate': (input, ctx) => saveCertificate(ctx.db, input, ctx.actor),
  'staff.deleteCertificate': (q, ctx) => deleteCertificate(ctx.db, q.id, ctx.actor),
  'staff.matrix': (q, ctx) => staffMatrix(ctx.db, q),
};
