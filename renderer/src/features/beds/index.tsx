import type { RouteObject } from 'react-router';
import { Placeholder } from '../../ui/Placeholder';

export const bedsRoutes: RouteObject[] = [{ path: 'beds', element: <Placeholder title="床位" hint="床位与占用看板正在开发。" /> }];
