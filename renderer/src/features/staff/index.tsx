import type { RouteObject } from 'react-router';
import { Placeholder } from '../../ui/Placeholder';

export const staffRoutes: RouteObject[] = [{ path: 'staff', element: <Placeholder title="员工与证书" hint="员工与证书页面正在开发。" /> }];
