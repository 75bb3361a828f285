import type { RouteObject } from 'react-router';
import { navOf } from '../../ui/nav';
import { SystemPage } from './SystemPage';

export const settingsRoutes: RouteObject[] = [{ path: 'settings/system', element: <SystemPage />, handle: navOf('/settings/system') }];
