import type { RouteObject } from 'react-router';
import { Placeholder } from '../../ui/Placeholder';

export const residentsRoutes: RouteObject[] = [{ path: 'residents', element: <Placeholder title="服务对象" hint="服务对象、评估与入住记录页面正在开发。" /> }];
