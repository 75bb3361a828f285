import type { RouteObject } from 'react-router';
import { lazyPage } from '../../ui/lazyPage';
import { navOf } from '../../ui/nav';

export const settingsRoutes: RouteObject[] = [
  {
    path: 'settings/system',
    lazy: lazyPage(
      () => import('./SystemPage'),
      (m) => m.SystemPage,
    ),
    handle: navOf('/settings/system'),
  },
];
