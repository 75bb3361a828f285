import type { RouteObject } from 'react-router';
import { Placeholder } from '../../ui/Placeholder';

export const visitsRoutes: RouteObject[] = [{ path: 'visits', element: <Placeholder title="上门服务" hint="上门服务记录页面正在开发。" /> }];
