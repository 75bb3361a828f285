/** The frame of every screen: the side navigation (zh-CN) and the page beside it. */
import {
  AuditOutlined,
  BarChartOutlined,
  CalculatorOutlined,
  CarOutlined,
  HomeOutlined,
  IdcardOutlined,
  InsertRowBelowOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Layout, Menu, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';

export function AppLayout() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const items: MenuProps['items'] = [
    { key: '/', icon: <HomeOutlined />, label: t('nav.home') },
    { key: '/residents', icon: <TeamOutlined />, label: t('nav.residents') },
    { key: '/beds', icon: <InsertRowBelowOutlined />, label: t('nav.beds') },
    { key: '/visits', icon: <CarOutlined />, label: t('nav.visits') },
    { key: '/staff', icon: <IdcardOutlined />, label: t('nav.staff') },
    { key: '/claims', icon: <CalculatorOutlined />, label: t('nav.claims') },
    { key: '/reports', icon: <BarChartOutlined />, label: t('nav.reports') },
    {
      key: 'settings',
      icon: <SettingOutlined />,
      label: t('nav.settings'),
      children: [
        { key: '/settings/institution', label: t('nav.institution') },
        { key: '/settings/audit', icon: <AuditOutlined />, label: t('nav.audit') },
        { key: '/settings/system', label: t('nav.system') },
      ],
    },
  ];
  const allKeys = ['/settings/institution', '/settings/audit', '/settings/system', '/residents', '/beds', '/visits', '/staff', '/claims', '/reports'];
  const selected = allKeys.find((k) => pathname === k || pathname.startsWith(`${k}/`)) ?? '/';

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={200} theme="light" style={{ borderInlineEnd: '1px solid #f0f0f0' }}>
        <Typography.Title level={4} style={{ padding: '16px 24px', margin: 0 }}>
          {t('appName')}
        </Typography.Title>
        <nav aria-label="主导航">
          <Menu mode="inline" items={items} selectedKeys={[selected]} defaultOpenKeys={selected.startsWith('/settings') ? ['settings'] : []} onClick={(e) => void navigate(e.key)} />
        </nav>
      </Layout.Sider>
      <Layout.Content style={{ padding: 24, background: '#fff' }}>
        <main>
          <Outlet />
        </main>
      </Layout.Content>
    </Layout>
  );
}
