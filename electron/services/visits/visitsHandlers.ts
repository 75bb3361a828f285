import type { visitsApi } from '../../../shared/api/visits';
import type { HandlersOf } from '../api/handlers';

export const visitsHandlers: HandlersOf<typeof visitsApi> = {};
