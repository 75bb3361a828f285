import type { RouteObject } from 'react-router';
import { ImportPage } from './ImportPage';
import { VisitsPage } from './VisitsPage';

export const visitsRoutes: RouteObject[] = [
  { path: 'visits', element: <VisitsPage /> },
  { path: 'visits/import', element: <ImportPage /> },
];
