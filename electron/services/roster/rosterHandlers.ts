import type { rosterApi } from '../../../shared/api/roster';
import type { HandlersOf } from '../api/handlers';

export const rosterHandlers: HandlersOf<typeof rosterApi> = {};
