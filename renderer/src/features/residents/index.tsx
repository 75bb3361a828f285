import type { RouteObject } from 'react-router';
import { lazyPage } from '../../ui/lazyPage';
import { navOf } from '../../ui/nav';

export const residentsRoutes: RouteObject[] = [
  {
    path: 'residents',
    lazy: lazyPage(
      () => import('./ResidentsPage'),
      (m) => m.ResidentsPage,
    ),
    handle: navOf('/residents'),
  },
  {
    path: 'residents/new',
    lazy: lazyPage(
      () => import('./NewResidentPage'),
      (m) => m.NewResidentPage,
    ),
    handle: navOf('/residents'),
  },
  {
    path: 'residents/:id',
    lazy: lazyPage(
      () => import('./ResidentDetailPage'),
      (m) => m.ResidentDetailPage,
    ),
    handle: navOf('/residents'),
  },
];
