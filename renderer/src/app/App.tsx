/** Providers: Ant Design in Chinese, React Query, and a hash router (works from file:// in Electron). */
import { SearchOutlined } from '@ant-design/icons';
import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import 'dayjs/locale/zh-cn';
import { createHashRouter, RouterProvider } from 'react-router';
import { queryClient } from '../api/queryClient';
import { AuthGate } from '../features/auth/AuthGate';
import { StartGate } from '../features/recovery/StartGate';
import { routes } from './routes';
import { usePrefersReducedMotion } from './reducedMotion';
import { theme } from './theme';
// the theme's first font (theme.ts): the bundled fallback for rare characters of names
import './rareHan.css';
import './rarePlane3.css';
import { S } from './strings';

dayjs.locale('zh-cn');

// its first screen's calls, the gates' too, were asked before this code ran (src/firstCalls.ts)
const router = createHashRouter(routes);

// A search box's button shows only an icon, which would name it "search": name it in Chinese.
const inputSearch = { searchIcon: <SearchOutlined aria-label={S.search} /> };

export function App() {
  const reduceMotion = usePrefersReducedMotion();
  const themed = useMemo(() => (reduceMotion ? { ...theme, token: { ...theme.token, motion: false } } : theme), [reduceMotion]);
  // The click ripple of buttons, tabs and switches is motion too, and the theme's `motion` leaves it on: its
  // fade lasts 2 s whatever the theme says (antd's wave style), so reduced motion switches it off here.
  const wave = useMemo(() => ({ disabled: reduceMotion }), [reduceMotion]);
  return (
    // No space inserted between a two-character button's characters (保 存): the visible text then
    // matches the accessible name a screen reader announces and a button's aria-label starts with.
    <ConfigProvider locale={zhCN} inputSearch={inputSearch} theme={themed} wave={wave} button={{ autoInsertSpace: false }}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          {/* the database first (safe mode needs no login: its users are in the file that cannot be opened), then the login */}
          <StartGate>
            <AuthGate>
              <RouterProvider router={router} />
            </AuthGate>
          </StartGate>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
