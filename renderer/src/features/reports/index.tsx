import type { RouteObject } from 'react-router';
import { Placeholder } from '../../ui/Placeholder';

export const reportsRoutes: RouteObject[] = [
  { path: 'reports', element: <Placeholder title="报表" hint="结算汇总表、床日统计表等报表随月度结算功能提供。" /> },
];
