import type { RouteObject } from 'react-router';
import { ClaimsPage } from './ClaimsPage';

export const claimsRoutes: RouteObject[] = [{ path: 'claims', element: <ClaimsPage /> }];
