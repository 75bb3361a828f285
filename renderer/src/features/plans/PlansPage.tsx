/**
 * 服务计划: the home clients' care plans (checked against the pack when saved), the month's 派单 with its
 * conflicts and the suggestion, and plan against done. The tab and the month live in the address.
 */
import { Select, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { addMonthsToMonth } from '../../../../shared/domain/dates';
import { currentMonth } from '../../ui/dates';
import { PageHeader } from '../../ui/PageHeader';
import { CompareTab } from './CompareTab';
import { PlansTab } from './PlansTab';
import { ScheduleTab } from './ScheduleTab';
import { S } from './strings';

type Tab = 'plans' | 'schedule' | 'compare';

export function PlansPage() {
  const [params, setParams] = useSearchParams();
  const tab: Tab = params.get('tab') === 'schedule' ? 'schedule' : params.get('tab') === 'compare' ? 'compare' : 'plans';
  const month = /^\d{4}-\d{2}$/.test(params.get('month') ?? '') ? params.get('month')! : currentMonth();
  const set = (k: string, v: string) => setParams((p) => (p.set(k, v), p), { replace: true });
  return (
    <>
      <PageHeader
        title={S.title}
        subtitle={S.subtitle}
        extra={
          tab !== 'plans' && (
            <Select
              aria-label={S.month}
              value={month}
              style={{ width: 120 }}
              onChange={(m) => set('month', m)}
              options={[-2, -1, 0, 1, 2].map((n) => addMonthsToMonth(currentMonth(), n)).map((m) => ({ value: m, label: m }))}
            />
          )
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(k) => set('tab', k)}
        destroyOnHidden
        items={[
          { key: 'plans', label: S.tabs.plans, children: <PlansTab /> },
          { key: 'schedule', label: S.tabs.schedule, children: <ScheduleTab month={month} /> },
          { key: 'compare', label: S.tabs.compare, children: <CompareTab month={month} /> },
        ]}
      />
    </>
  );
}
