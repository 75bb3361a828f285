import type { RouteObject } from 'react-router';
import { NewResidentPage } from './NewResidentPage';
import { ResidentDetailPage } from './ResidentDetailPage';
import { ResidentsPage } from './ResidentsPage';

export const residentsRoutes: RouteObject[] = [
  { path: 'residents', element: <ResidentsPage /> },
  { path: 'residents/new', element: <NewResidentPage /> },
  { path: 'residents/:id', element: <ResidentDetailPage /> },
];
