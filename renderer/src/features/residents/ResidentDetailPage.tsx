/**
 * One person: where they stand today (a home-care client: this month's use of the quota, as the claim
 * counts it), then tabs for personal data, assessments, stay events and the day-status calendar. The tab and the calendar's month live in the address, so a link can open
 * `#/residents/12?tab=calendar&month=2026-10` directly (the claim's issues link here).
 */
import { App, Button, Card, Descriptions, Popconfirm, Result, Skeleton, Tabs, Tag } from 'antd';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { ResidentTab } from '../../../../shared/claims/issueFixes';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { currentMonth, todayLocal } from '../../ui/dates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ExpiryTag } from '../../ui/ExpiryTag';
import { PageHeader } from '../../ui/PageHeader';
import { QuotaUse } from '../../ui/QuotaUse';
import { AssessmentsPanel } from './AssessmentsPanel';
import { CalendarPanel } from './CalendarPanel';
import { ResidentForm } from './ResidentForm';
import { StayEventsPanel } from './StayEventsPanel';
import { levelName, modeName, S, STATUS_COLORS, statusName } from './strings';

// The claim's issues link to these tabs by name (shared/claims/issueFixes.ts).
const TABS = ['personal', 'assessments', 'events', 'calendar'] as const satisfies readonly ResidentTab[];
type Tab = (typeof TABS)[number];

export function ResidentDetailPage() {
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.includes(params.get('tab') as Tab) ? (params.get('tab') as Tab) : 'personal';
  const month = /^\d{4}-\d{2}$/.test(params.get('month') ?? '') ? params.get('month')! : currentMonth();
  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next, { replace: true });
  };
  const detail = useApiQuery('residents.get', { id, today: todayLocal() }, { enabled: Number.isInteger(id) && id > 0 });
  const remove = useApiMutation('residents.delete');
  const r = detail.data;

  if (detail.isLoading) return <Skeleton active />;
  if (!r) {
    return (
      <>
        <ErrorAlert error={detail.error} />
        <Result status="404" title={S.title} extra={<Button onClick={() => void navigate('/residents')}>{S.back}</Button>} />
      </>
    );
  }

  const onDelete = () =>
    remove.mutate(
      { id: r.id },
      {
        onSuccess: () => {
          void message.success(S.deleted);
          void navigate('/residents');
        },
      },
    );
  const deleteButton = r.deleteBlocker ? (
    <Button danger onClick={() => modal.warning({ title: S.cannotDelete, content: r.deleteBlocker })}>
      {S.delete}
    </Button>
  ) : (
    <Popconfirm title={S.deleteConfirm(r.name)} okText={S.deleteOk} okButtonProps={{ danger: true }} cancelText={S.cancel} onConfirm={onDelete}>
      <Button danger loading={remove.isPending}>
        {S.delete}
      </Button>
    </Popconfirm>
  );
  const onMessage = (text: string) => void message.success(text);

  return (
    <>
      <PageHeader
        title={
          <>
            {r.name} <Tag color={STATUS_COLORS[r.status]}>{statusName(r.status, r.mode)}</Tag>
          </>
        }
        subtitle={`${S.summary.ref} ${r.ref}`}
        extra={
          <>
            <Button onClick={() => void navigate('/residents')}>{S.back}</Button>
            {deleteButton}
          </>
        }
      />
      <ErrorAlert error={remove.error} />
      <Descriptions size="small" column={5} bordered style={{ marginBottom: 16 }} data-testid="resident-summary">
        <Descriptions.Item label={S.summary.status}>
          {statusName(r.status, r.mode)}
          {r.statusSince ? `（${S.since(r.statusSince)}）` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={S.summary.mode}>{modeName(r.mode)}</Descriptions.Item>
        <Descriptions.Item label={S.summary.bed}>{r.bed ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={S.summary.level}>{r.level !== null ? levelName(r.level) : S.noLevel}</Descriptions.Item>
        <Descriptions.Item label={S.summary.ends}>
          {r.assessmentEndsOn ?? '—'} {r.assessmentDaysLeft !== null && <ExpiryTag daysLeft={r.assessmentDaysLeft} />}
        </Descriptions.Item>
      </Descriptions>
      {r.homeQuota && (
        <Card size="small" title={S.summary.quota} style={{ marginBottom: 16, maxWidth: 640 }}>
          <QuotaUse quota={r.homeQuota} />
        </Card>
      )}
      <Tabs
        activeKey={tab}
        onChange={(k) => setParam('tab', k)}
        items={[
          { key: 'personal', label: S.tabs.personal, children: <ResidentForm resident={r} onSaved={() => onMessage(S.form.saved)} /> },
          { key: 'assessments', label: `${S.tabs.assessments}（${r.assessments.length}）`, children: <AssessmentsPanel resident={r} onMessage={onMessage} /> },
          { key: 'events', label: `${S.tabs.events}（${r.events.length}）`, children: <StayEventsPanel resident={r} onMessage={onMessage} /> },
          { key: 'calendar', label: S.tabs.calendar, children: <CalendarPanel residentId={r.id} month={month} onMonth={(m) => setParam('month', m)} /> },
        ]}
      />
    </>
  );
}
