import type { auditApi } from '../../../shared/api/audit';
import type { HandlersOf } from '../api/handlers';

export const auditHandlers: HandlersOf<typeof auditApi> = {};
