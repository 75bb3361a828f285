import type { RouteObject } from 'react-router';
import { navOf } from '../../ui/nav';
import { HomePage } from './HomePage';

export const homeRoutes: RouteObject[] = [{ index: true, element: <HomePage />, handle: navOf('/') }];
