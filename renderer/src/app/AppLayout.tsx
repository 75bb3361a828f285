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
import type { MethodNameListed } from '../../../shared/api/methodNames';
import { mayCall } from '../../../shared/api/permissions';
import { useSession } from '../features/auth/session';
import { UserMenu } from '../features/auth/UserMenu';
import { navKeyOf } from '../ui/nav';
import { S } from './strings';

/**
 * The call that says whether the logged-in role may use a screen (shared/api/permissions.ts): an entry
 * she may not use is not shown. The services refuse its calls anyway.
 */
const NAV_NEEDS: Record<string, MethodNameListed> = {
  '/claims': 'claims.list',
  '/reports': 'reports.ledger',
  '/inspection': 'inspection.board',
  '/settings/institution': 'institution.save',
  '/settings/shifts': 'rota.saveShiftType',
  '/settings/audit': 'audit.list',
  '/settings/system': 'backups.list',
  '/settings/users': 'users.list',
};

type Item = NonNullable<MenuProps['items']>[number] & { key?: unknown; children?: Item[] };

/** The entries the role may use; a group left with none goes too. */
function allowed(items: Item[], may: (m: MethodNameListed) => boolean): Item[] {
  return items.flatMap((item) => {
    const need = typeof item.key === 'string' ? NAV_NEEDS[item.key] : undefined;
    if (need && !may(need)) return [];
    if (item.children) {
      const children = allowed(item.children, may);
      return children.length > 0 ? [{ ...item, children } as Item] : [];
    }
    return [item];
  });
}

export function AppLayout() {
  const navigate = useNavigate();
  // The icons are decoration: each entry is named by its label alone (not "home 首页").
  const session = useSession();
  const all: Item[] = [
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
        { key: '/settings/users', label: S.nav.users },
      ],
    },
  ];
  const items = allowed(all, (m) => !session || mayCall(session.user.role, m));
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
        <UserMenu />
        <nav aria-label={S.navLabel}>
          {/* tooltip={false}: an item's tooltip shows only in a collapsed menu, which this one never is; without
              it each entry is drawn without a hidden popup trigger around it (bench: rendererReadyMs) */}
          <Menu
            mode="inline"
            items={items}
            selectedKeys={[selected]}
            openKeys={openKeys}
            onOpenChange={setOpened}
            onClick={(e) => void navigate(e.key)}
            tooltip={false}
          />
        </nav>
      </Layout.Sider>
      {/* Layout.Content is the page's one <main> landmark: a <main> inside it would be a second. */}
      <Layout.Content style={{ padding: 24, background: '#fff' }}>
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}
