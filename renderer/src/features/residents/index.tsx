import type { RouteObject } from 'react-router';
import { navOf } from '../../ui/nav';
import { NewResidentPage } from './NewResidentPage';
import { ResidentDetailPage } from './ResidentDetailPage';
import { ResidentsPage } from './ResidentsPage';

export const residentsRoutes: RouteObject[] = [
  { path: 'residents', element: <ResidentsPage />, handle: navOf('/residents') },
  { path: 'residents/new', element: <NewResidentPage />, handle: navOf('/residents') },
  { path: 'residents/:id', element: <ResidentDetailPage />, handle: navOf('/residents') },
];
