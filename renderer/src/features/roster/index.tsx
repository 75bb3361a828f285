import type { RouteObject } from 'react-router';
import { lazyPage } from '../../ui/lazyPage';
import { navOf } from '../../ui/nav';

/**
 * Reached from the staff list and from the residents list (a button to /import/roster). It belongs to
 * 员工与证书 in the navigation, where the README's screen list puts the roster import, or to 服务对象
 * when opened from there (`?from=residents`).
 */
export const rosterRoutes: RouteObject[] = [
  {
    path: 'import/roster',
    lazy: lazyPage(
      () => import('./RosterImportPage'),
      (m) => m.RosterImportPage,
    ),
    handle: navOf('/staff', ['/residents']),
  },
];
