import type { RouteObject } from 'react-router';
import { lazyPage } from '../../ui/lazyPage';
import { navOf } from '../../ui/nav';

export const authRoutes: RouteObject[] = [
  {
    path: 'settings/users',
    lazy: lazyPage(
      () => import('./UsersPage'),
      (m) => m.UsersPage,
    ),
    handle: navOf('/settings/users'),
  },
];
