/** 床位: the occupancy board for a day, and the bed records. The tab and the day live in the address. */
import { Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { todayLocal } from '../../ui/dates';
import { PageHeader } from '../../ui/PageHeader';
import { BedBoardView } from './BedBoard';
import { BedManager } from './BedManager';
import { S } from './strings';

export function BedsPage() {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'manage' ? 'manage' : 'board';
  const date = /^\d{4}-\d{2}-\d{2}$/.test(params.get('date') ?? '') ? params.get('date')! : todayLocal();
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next, { replace: true });
  };
  return (
    <>
      <PageHeader title={S.title} subtitle={S.subtitle} />
      <Tabs
        activeKey={tab}
        onChange={(k) => set('tab', k)}
        items={[
          { key: 'board', label: S.tabs.board, children: <BedBoardView date={date} onDate={(d) => set('date', d)} onManage={() => set('tab', 'manage')} /> },
          { key: 'manage', label: S.tabs.manage, children: <BedManager /> },
        ]}
      />
    </>
  );
}
