import type { RouteObject } from 'react-router';
import { navOf } from '../../ui/nav';
import { RotaPage } from './RotaPage';
import { ShiftTypesPage } from './ShiftTypesPage';

export const rotaRoutes: RouteObject[] = [
  { path: 'rota', element: <RotaPage />, handle: navOf('/rota') },
  { path: 'settings/shifts', element: <ShiftTypesPage />, handle: navOf('/settings/shifts') },
];
