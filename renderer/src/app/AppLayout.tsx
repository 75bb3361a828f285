/** The frame of every screen: the side navigation (zh-CN) and the page beside it. */
import {
  AuditOutlined,
  BarChartOutlined,
  CalculatorOutlined,
  CarOutlined,
  CalendarOutlined,
  ScheduleOutlined,
  HomeOutlined,
  IdcardOutlined,
  InsertRowBelowOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Layout, Menu, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { useState } from 'react';
import { Outlet, useLocation, useMatches, useNavigate } from 'react-router';
import { navKeyOf } from '../ui/nav';
import { S } from './strings';

export function AppLayout() {
  const navigate = useNavigate();
  // The icons are decoration: each entry is named by its label alone (not "home 首页").
  const items: MenuProps['items'] = [
    { key: '/', icon: <HomeOutlined aria-hidden />, label: S.nav.home },
    { key: '/residents', icon: <TeamOutlined aria-hidden />, label: S.nav.residents },
    { key: '/beds', icon: <InsertRowBelowOutlined aria-hidden />, label: S.nav.beds },
    { key: '/visits', icon: <CarOutlined aria-hidden />, label: S.nav.visits },
    { key: '/staff', icon: <IdcardOutlined aria-hidden />, label: S.nav.staff },
    { key: '/rota', icon: <CalendarOutlined aria-hidden />, label: S.nav.rota },
    { key: '/plans', icon: <ScheduleOutlined aria-hidden />, label: S.nav.plans },
    { key: '/claims', icon: <CalculatorOutlined aria-hidden />, label: S.nav.claims },
    { key: '/reports', icon: <BarChartOutlined aria-hidden />, label: S.nav.reports },
    { key: '/inspection', icon: <SafetyCertificateOutlined aria-hidden />, label: S.nav.inspection },
    {
      key: 'settings',
      icon: <SettingOutlined aria-hidden />,
      label: S.nav.settings,
      children: [
        { key: '/settings/institution', label: S.nav.institution },
        { key: '/settings/shifts', label: S.nav.shifts },
        { key: '/settings/audit', icon: <AuditOutlined aria-hidden />, label: S.nav.audit },
        { key: '/settings/system', label: S.nav.system },
      ],
    },
  ];
  // Each route names its entry (ui/nav.ts): a screen reached from another still shows where it belongs.
  const selected = navKeyOf(
    useMatches().map((m) => m.handle),
    useLocation().search,
  );
  // 设置 stays open on its own screens, however they were reached (a link, the address bar).
  const [opened, setOpened] = useState<string[]>([]);
  const openKeys = selected.startsWith('/settings/') && !opened.includes('settings') ? [...opened, 'settings'] : opened;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={200} theme="light" style={{ borderInlineEnd: '1px solid #f0f0f0' }}>
        <Typography.Title level={4} style={{ padding: '16px 24px', margin: 0 }}>
          {S.appName}
        </Typography.Title>
        <nav aria-label={S.navLabel}>
          <Menu mode="inline" items={items} selectedKeys={[selected]} openKeys={openKeys} onOpenChange={setOpened} onClick={(e) => void navigate(e.key)} />
        </nav>
      </Layout.Sider>
      {/* Layout.Content is the page's one <main> landmark: a <main> inside it would be a second. */}
      <Layout.Content style={{ padding: 24, background: '#fff' }}>
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}
