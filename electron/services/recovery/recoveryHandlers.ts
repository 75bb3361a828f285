/**
 * The recovery calls when the database opened normally: the window asks `recovery.status` at start and
 * gets `normal`; the others have nothing to recover and say so (safe mode serves them: safeMode.ts).
 */
import type { recoveryApi } from '../../../shared/api/recovery';
import type { HandlersOf } from '../api/handlers';
import { ServiceError } from '../errors';

const notInSafeMode = (): never => {
  throw new ServiceError('CONFLICT', '数据库已正常打开，不在安全模式。要从备份恢复，请用 设置 › 系统与数据 › 数据备份，或 ltc restore。');
};

export const recoveryHandlers: HandlersOf<typeof recoveryApi> = {
  'recovery.status': () => ({ mode: 'normal' as const }),
  'recovery.backups': notInSafeMode,
  'recovery.preview': notInSafeMode,
  'recovery.restore': notInSafeMode,
  'recovery.openFile': notInSafeMode,
  'recovery.retry': notInSafeMode,
  'recovery.export': notInSafeMode,
  'recovery.unlock': notInSafeMode,
};
