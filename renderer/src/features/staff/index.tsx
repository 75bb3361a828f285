import type { RouteObject } from 'react-router';
import { lazyPage } from '../../ui/lazyPage';
import { navOf } from '../../ui/nav';

export const staffRoutes: RouteObject[] = [
  {
    path: 'staff',
    lazy: lazyPage(
      () => import('./StaffListPage'),
      (m) => m.StaffListPage,
    ),
    handle: navOf('/staff'),
  },
  {
    path: 'staff/matrix',
    lazy: lazyPage(
      () => import('./MatrixPage'),
      (m) => m.MatrixPage,
    ),
    handle: navOf('/staff'),
  },
  {
    path: 'staff/new',
    lazy: lazyPage(
      () => import('./StaffDetailPage'),
      (m) => m.StaffDetailPage,
    ),
    handle: navOf('/staff'),
  },
  {
    path: 'staff/:id',
    lazy: lazyPage(
      () => import('./StaffDetailPage'),
      (m) => m.StaffDetailPage,
    ),
    handle: navOf('/staff'),
  },
];
