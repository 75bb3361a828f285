import type { RouteObject } from 'react-router';
import { lazyPage } from '../../ui/lazyPage';
import { navOf } from '../../ui/nav';

export const visitsRoutes: RouteObject[] = [
  {
    path: 'visits',
    lazy: lazyPage(
      () => import('./VisitsPage'),
      (m) => m.VisitsPage,
    ),
    handle: navOf('/visits'),
  },
  {
    path: 'visits/import',
    lazy: lazyPage(
      () => import('./ImportPage'),
      (m) => m.ImportPage,
    ),
    handle: navOf('/visits'),
  },
];
