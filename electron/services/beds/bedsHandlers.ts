import type { bedsApi } from '../../../shared/api/beds';
import type { HandlersOf } from '../api/handlers';

export const bedsHandlers: HandlersOf<typeof bedsApi> = {};
