import type { RouteObject } from 'react-router';
import { lazyPage } from '../../ui/lazyPage';
import { navOf } from '../../ui/nav';

export const inspectionRoutes: RouteObject[] = [
  {
    path: 'inspection',
    lazy: lazyPage(
      () => import('./InspectionPage'),
      (m) => m.InspectionPage,
    ),
    handle: navOf('/inspection'),
  },
];
