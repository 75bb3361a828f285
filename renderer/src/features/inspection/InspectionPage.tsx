/**
 * 检查准备 (the manager's screen before an inspection, DOMAIN.md §10): a month's readiness board with its
 * score and charts, the fraud-pattern self-audit, and sampling with the evidence pack. The month and the
 * tab live in the address, so a link from a fixed record back here returns to the same view.
 */
import { Button, DatePicker, Result, Skeleton, Tabs } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { monthEnd, monthStart } from '../../../../shared/domain/dates';
import { useApiQuery } from '../../api/hooks';
import { currentMonth } from '../../ui/dates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageHeader } from '../../ui/PageHeader';
import { BoardTab } from './BoardTab';
import { SampleTab } from './SampleTab';
import { SelfAuditTab } from './SelfAuditTab';
import { SettingsDrawer } from './SettingsDrawer';
import { S } from './strings';

/** Inspections look back: the month just ended. */
const defaultMonth = () => dayjs(`${currentMonth()}-01`).subtract(1, 'month').format('YYYY-MM');
const TABS = ['board', 'selfAudit', 'sample'] as const;
type Tab = (typeof TABS)[number];

export function InspectionPage() {
  const [params, setParams] = useSearchParams();
  const month = params.get('month') ?? defaultMonth();
  const tab: Tab = TABS.find((t) => t === params.get('tab')) ?? 'board';
  const [settingsOpen, setSettingsOpen] = useState(false);
  const institution = useApiQuery('institution.get', undefined);
  const go = (next: { month?: string; tab?: Tab }) => setParams({ month: next.month ?? month, tab: next.tab ?? tab });

  if (institution.isLoading) return <Skeleton active />;
  if (institution.data === null) {
    return (
      <>
        <PageHeader title={S.title} subtitle={S.subtitle} />
        <Result
          status="info"
          title={S.noInstitution.title}
          subTitle={S.noInstitution.detail}
          extra={
            <Button type="primary" href="#/settings/institution">
              {S.noInstitution.go}
            </Button>
          }
        />
      </>
    );
  }
  const period = { from: monthStart(month), to: monthEnd(month) };
  return (
    <>
      <PageHeader
        title={S.title}
        subtitle={S.subtitle}
        extra={
          <>
            <DatePicker
              picker="month"
              allowClear={false}
              value={dayjs(`${month}-01`)}
              onChange={(d) => d && go({ month: d.format('YYYY-MM') })}
              aria-label={S.month}
            />
            <Button onClick={() => setSettingsOpen(true)}>{S.settings}</Button>
          </>
        }
      />
      <ErrorAlert error={institution.error} />
      <Tabs
        activeKey={tab}
        onChange={(k) => go({ tab: k as Tab })}
        destroyOnHidden
        items={[
          { key: 'board', label: S.tabs.board, children: <BoardTab month={month} /> },
          { key: 'selfAudit', label: S.tabs.selfAudit, children: <SelfAuditTab {...period} /> },
          { key: 'sample', label: S.tabs.sample, children: <SampleTab {...period} /> },
        ]}
      />
      <SettingsDrawer open={settingsOpen} onClose={() => setSettingsOpen(false)} />
    </>
  );
}
