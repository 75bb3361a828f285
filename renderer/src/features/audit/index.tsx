import type { RouteObject } from 'react-router';
import { AuditPage } from './AuditPage';

export const auditRoutes: RouteObject[] = [{ path: 'settings/audit', element: <AuditPage /> }];
