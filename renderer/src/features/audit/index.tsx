import type { RouteObject } from 'react-router';
import { lazyPage } from '../../ui/lazyPage';
import { navOf } from '../../ui/nav';

export const auditRoutes: RouteObject[] = [
  {
    path: 'settings/audit',
    lazy: lazyPage(
      () => import('./AuditPage'),
      (m) => m.AuditPage,
    ),
    handle: navOf('/settings/audit'),
  },
];
