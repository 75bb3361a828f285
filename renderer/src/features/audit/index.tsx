import type { RouteObject } from 'react-router';
import { Placeholder } from '../../ui/Placeholder';

export const auditRoutes: RouteObject[] = [{ path: 'settings/audit', element: <Placeholder title="审计日志" hint="审计日志页面正在开发。" /> }];
