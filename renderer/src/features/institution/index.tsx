import type { RouteObject } from 'react-router';
import { lazyPage } from '../../ui/lazyPage';
import { navOf } from '../../ui/nav';

export const institutionRoutes: RouteObject[] = [
  {
    path: 'settings/institution',
    lazy: lazyPage(
      () => import('./InstitutionPage'),
      (m) => m.InstitutionPage,
    ),
    handle: navOf('/settings/institution'),
  },
];
