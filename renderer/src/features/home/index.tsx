import type { RouteObject } from 'react-router';
import { prefetchApi } from '../../api/queryClient';
import { navOf } from '../../ui/nav';
import { currentMonth, todayLocal } from '../../ui/dates';
import { HomePage } from './HomePage';

/**
 * 首页 is the first screen: its loader starts both of its calls as the window opens, so they run while
 * the window's first render is still under way (measured by the bench's rendererReadyMs).
 */
function prefetchHome(): null {
  const input = { month: currentMonth(), today: todayLocal() };
  prefetchApi('dashboard.get', input);
  return null;
}

export const homeRoutes: RouteObject[] = [{ index: true, element: <HomePage />, loader: prefetchHome, handle: navOf('/') }];
