import type { RouteObject } from 'react-router';
import { navOf } from '../../ui/nav';
import { InspectionPage } from './InspectionPage';

export const inspectionRoutes: RouteObject[] = [{ path: 'inspection', element: <InspectionPage />, handle: navOf('/inspection') }];
