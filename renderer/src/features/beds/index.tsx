import type { RouteObject } from 'react-router';
import { BedsPage } from './BedsPage';

export const bedsRoutes: RouteObject[] = [{ path: 'beds', element: <BedsPage /> }];
