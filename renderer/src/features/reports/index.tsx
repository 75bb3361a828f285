import type { RouteObject } from 'react-router';
import { navOf } from '../../ui/nav';
import { ReportsPage } from './ReportsPage';

export const reportsRoutes: RouteObject[] = [{ path: 'reports', element: <ReportsPage />, handle: navOf('/reports') }];
