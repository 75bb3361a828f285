/** Every screen's address. Each feature exports its own routes; this file only puts them together. */
import type { RouteObject } from 'react-router';
import { auditRoutes } from '../features/audit';
import { authRoutes } from '../features/auth';
import { bedsRoutes } from '../features/beds';
import { claimsRoutes } from '../features/claims';
import { homeRoutes } from '../features/home';
import { inspectionRoutes } from '../features/inspection';
import { institutionRoutes } from '../features/institution';
import { plansRoutes } from '../features/plans';
import { reportsRoutes } from '../features/reports';
import { residentsRoutes } from '../features/residents';
import { rosterRoutes } from '../features/roster';
import { rotaRoutes } from '../features/rota';
import { settingsRoutes } from '../features/settings';
import { staffRoutes } from '../features/staff';
import { visitsRoutes } from '../features/visits';
import { AppLayout } from './AppLayout';

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <AppLayout />,
    children: [
      ...homeRoutes,
      ...residentsRoutes,
      ...bedsRoutes,
      ...visitsRoutes,
      ...staffRoutes,
      ...rosterRoutes,
      ...rotaRoutes,
      ...plansRoutes,
      ...claimsRoutes,
      ...reportsRoutes,
      ...inspectionRoutes,
      ...institutionRoutes,
      ...auditRoutes,
      ...settingsRoutes,
      ...authRoutes,
    ],
  },
];
