import type { RouteObject } from 'react-router';
import { lazyPage } from '../../ui/lazyPage';
import { navOf } from '../../ui/nav';

export const reportsRoutes: RouteObject[] = [
  {
    path: 'reports',
    lazy: lazyPage(
      () => import('./ReportsPage'),
      (m) => m.ReportsPage,
    ),
    handle: navOf('/reports'),
  },
];
