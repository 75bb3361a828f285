import type { RouteObject } from 'react-router';
import { InstitutionPage } from './InstitutionPage';

export const institutionRoutes: RouteObject[] = [{ path: 'settings/institution', element: <InstitutionPage /> }];
