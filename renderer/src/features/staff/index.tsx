import type { RouteObject } from 'react-router';
import { navOf } from '../../ui/nav';
import { MatrixPage } from './MatrixPage';
import { StaffDetailPage } from './StaffDetailPage';
import { StaffListPage } from './StaffListPage';

export const staffRoutes: RouteObject[] = [
  { path: 'staff', element: <StaffListPage />, handle: navOf('/staff') },
  { path: 'staff/matrix', element: <MatrixPage />, handle: navOf('/staff') },
  { path: 'staff/new', element: <StaffDetailPage />, handle: navOf('/staff') },
  { path: 'staff/:id', element: <StaffDetailPage />, handle: navOf('/staff') },
];
