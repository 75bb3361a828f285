import type { RouteObject } from 'react-router';
import { navOf } from '../../ui/nav';
import { AuditPage } from './AuditPage';

export const auditRoutes: RouteObject[] = [{ path: 'settings/audit', element: <AuditPage />, handle: navOf('/settings/audit') }];
