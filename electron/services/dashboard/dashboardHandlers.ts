import type { dashboardApi } from '../../../shared/api/dashboard';
import type { HandlersOf } from '../api/handlers';
import { dashboard, dashboardClaim } from './dashboardService';

export const dashboardHandlers: HandlersOf<typeof dashboardApi> = {
  'dashboard.get': (input, ctx) => dashboard(ctx.db, input.month, input.today),
  'dashboard.claim': (input, ctx) => dashboardClaim(ctx.db, input.month, input.today),
};
