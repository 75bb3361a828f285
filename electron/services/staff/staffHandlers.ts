import type { staffApi } from '../../../shared/api/staff';
import type { HandlersOf } from '../api/handlers';

export const staffHandlers: HandlersOf<typeof staffApi> = {};
