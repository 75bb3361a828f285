import type { RouteObject } from 'react-router';
import { lazyPage } from '../../ui/lazyPage';
import { navOf } from '../../ui/nav';

export const bedsRoutes: RouteObject[] = [
  {
    path: 'beds',
    lazy: lazyPage(
      () => import('./BedsPage'),
      (m) => m.BedsPage,
    ),
    handle: navOf('/beds'),
  },
];
