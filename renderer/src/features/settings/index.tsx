import type { RouteObject } from 'react-router';
import { SystemPage } from './SystemPage';

export const settingsRoutes: RouteObject[] = [{ path: 'settings/system', element: <SystemPage /> }];
