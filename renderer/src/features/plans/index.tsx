import type { RouteObject } from 'react-router';
import { lazyPage } from '../../ui/lazyPage';
import { navOf } from '../../ui/nav';

export const plansRoutes: RouteObject[] = [
  {
    path: 'plans',
    lazy: lazyPage(
      () => import('./PlansPage'),
      (m) => m.PlansPage,
    ),
    handle: navOf('/plans'),
  },
];
