import type { RouteObject } from 'react-router';
import { RosterImportPage } from './RosterImportPage';

/** Reached from the staff list and from the residents list (a button to /import/roster). */
export const rosterRoutes: RouteObject[] = [{ path: 'import/roster', element: <RosterImportPage /> }];
