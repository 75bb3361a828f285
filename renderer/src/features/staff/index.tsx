import type { RouteObject } from 'react-router';
import { MatrixPage } from './MatrixPage';
import { StaffDetailPage } from './StaffDetailPage';
import { StaffListPage } from './StaffListPage';

export const staffRoutes: RouteObject[] = [
  { path: 'staff', element: <StaffListPage /> },
  { path: 'staff/matrix', element: <MatrixPage /> },
  { path: 'staff/new', element: <StaffDetailPage /> },
  { path: 'staff/:id', element: <StaffDetailPage /> },
];
