import type { RouteObject } from 'react-router';
import { navOf } from '../../ui/nav';
import { InstitutionPage } from './InstitutionPage';

export const institutionRoutes: RouteObject[] = [{ path: 'settings/institution', element: <InstitutionPage />, handle: navOf('/settings/institution') }];
