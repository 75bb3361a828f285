import type { RouteObject } from 'react-router';
import { navOf } from '../../ui/nav';
import { ClaimsPage } from './ClaimsPage';

export const claimsRoutes: RouteObject[] = [{ path: 'claims', element: <ClaimsPage />, handle: navOf('/claims') }];
