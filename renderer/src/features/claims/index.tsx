import type { RouteObject } from 'react-router';
import { lazyPage } from '../../ui/lazyPage';
import { navOf } from '../../ui/nav';

export const claimsRoutes: RouteObject[] = [
  {
    path: 'claims',
    lazy: lazyPage(
      () => import('./ClaimsPage'),
      (m) => m.ClaimsPage,
    ),
    handle: navOf('/claims'),
  },
];
