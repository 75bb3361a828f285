import type { residentsApi } from '../../../shared/api/residents';
import type { HandlersOf } from '../api/handlers';

export const residentsHandlers: HandlersOf<typeof residentsApi> = {};
