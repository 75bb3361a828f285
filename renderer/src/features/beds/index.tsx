import type { RouteObject } from 'react-router';
import { navOf } from '../../ui/nav';
import { BedsPage } from './BedsPage';

export const bedsRoutes: RouteObject[] = [{ path: 'beds', element: <BedsPage />, handle: navOf('/beds') }];
