import type { RouteObject } from 'react-router';
import { navOf } from '../../ui/nav';
import { ImportPage } from './ImportPage';
import { VisitsPage } from './VisitsPage';

export const visitsRoutes: RouteObject[] = [
  { path: 'visits', element: <VisitsPage />, handle: navOf('/visits') },
  { path: 'visits/import', element: <ImportPage />, handle: navOf('/visits') },
];
