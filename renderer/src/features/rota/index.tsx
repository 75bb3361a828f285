import type { RouteObject } from 'react-router';
import { lazyPage } from '../../ui/lazyPage';
import { navOf } from '../../ui/nav';

export const rotaRoutes: RouteObject[] = [
  {
    path: 'rota',
    lazy: lazyPage(
      () => import('./RotaPage'),
      (m) => m.RotaPage,
    ),
    handle: navOf('/rota'),
  },
  {
    path: 'settings/shifts',
    lazy: lazyPage(
      () => import('./ShiftTypesPage'),
      (m) => m.ShiftTypesPage,
    ),
    handle: navOf('/settings/shifts'),
  },
];
