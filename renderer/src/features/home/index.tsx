import type { RouteObject } from 'react-router';
import { prefetchApi } from '../../api/queryClient';
import { navOf } from '../../ui/nav';
import { currentMonth, todayLocal } from '../../ui/dates';
import { HomePage } from './HomePage';

/**
 * 首页's loader starts its dashboard as the navigation begins, so the call runs while the screen renders.
 * When the window opens on 首页 the same call was asked before the app loaded (src/firstCalls.ts) and
 * this one takes its answer (bench: rendererReadyMs).
 */
function prefetchHome(): null {
  const input = { month: currentMonth(), today: todayLocal() };
  prefetchApi('dashboard.get', input);
  return null;
}

export const homeRoutes: RouteObject[] = [{ index: true, element: <HomePage />, loader: prefetchHome, handle: navOf('/') }];
