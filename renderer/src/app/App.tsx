/** Providers: Ant Design in Chinese, React Query, and a hash router (works from file:// in Electron). */
import { SearchOutlined } from '@ant-design/icons';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createHashRouter, RouterProvider } from 'react-router';
import { routes } from './routes';
import { theme } from './theme';
import { S } from './strings';

dayjs.locale('zh-cn');

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 5_000 } },
});
const router = createHashRouter(routes);

// A search box's button shows only an icon, which would name it "search": name it in Chinese.
const inputSearch = { searchIcon: <SearchOutlined aria-label={S.search} /> };

export function App() {
  return (
    // No space inserted between a two-character button's characters (保 存): the visible text then
    // matches the accessible name a screen reader announces and a button's aria-label starts with.
    <ConfigProvider locale={zhCN} inputSearch={inputSearch} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
