/**
 * 派单: the month's planned visits per caregiver and day with the conflicts (typed, naming their records),
 * 派单建议 (the solver, off the window's thread, with progress; accepted as a whole), and each caregiver's
 * day list to print (PDF) or export (.xlsx).
 */
import { Alert, App, Button, Flex, Input, List, Modal, Select, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useMemo, useState } from 'react';
import type { ScheduleSuggestion, ScheduleView } from '../../../../shared/api/plans';
import { CONFLICT_NAMES } from '../../../../shared/plans/conflicts';
import { call } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { useJob } from '../../api/useJob';
import { DateInput } from '../../ui/DateInput';
import { offerDownload, openInNewTab } from '../../ui/download';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PAGER } from '../../ui/pagination';
import { JobProgress } from '../claims/JobProgress';
import { S } from './strings';

type Visit = ScheduleView['visits'][number];
const end = (start: string, minutes: number) => {
  const m = Number(start.slice(0, 2)) * 60 + Number(start.slice(3, 5)) + minutes;
  return `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};

export function ScheduleTab({ month }: { month: string }) {
  const q = useApiQuery('plans.schedule', { month });
  const [suggestOpen, setSuggestOpen] = useState(false);
  const [date, setDate] = useState<string | null>(null);
  const [staff, setStaff] = useState<number | 'none' | null>(null);
  const [search, setSearch] = useState('');
  const [error, setError] = useState<unknown>(null);
  const view = q.data;
  const conflictOf = useMemo(() => {
    const m = new Map<number, string[]>();
    for (const c of view?.conflicts ?? []) for (const id of c.visitIds) m.set(id, [...(m.get(id) ?? []), CONFLICT_NAMES[c.kind]]);
    return m;
  }, [view]);
  const caregivers = useMemo(
    () =>
      [...new Map((view?.visits ?? []).filter((v) => v.staffId !== null).map((v) => [v.staffId!, v.staffName ?? ''])).entries()].sort((a, b) =>
        a[1].localeCompare(b[1], 'zh'),
      ),
    [view],
  );
  const rows = useMemo(
    () =>
      (view?.visits ?? []).filter(
        (v) =>
          (!date || v.date === date) &&
          (staff === null || (staff === 'none' ? v.staffId === null : v.staffId === staff)) &&
          (!search.trim() || v.residentName.includes(search.trim()) || (v.address ?? '').includes(search.trim())),
      ),
    [view, date, staff, search],
  );
  const dayList = (format: 'pdf' | 'xlsx') => {
    if (!date) return;
    setError(null);
    call('plans.dayList', { date, format, ...(typeof staff === 'number' ? { staffId: staff } : {}) }).then(
      format === 'pdf' ? openInNewTab : offerDownload,
      setError,
    );
  };
  const columns: TableProps<Visit>['columns'] = [
    { title: S.schedule.col.date, dataIndex: 'date', key: 'date', width: 110 },
    { title: S.schedule.col.time, key: 'time', width: 110, render: (_v, r) => `${r.start}–${end(r.start, r.minutes)}` },
    { title: S.schedule.col.client, dataIndex: 'residentName', key: 'client', width: 100 },
    { title: S.schedule.col.address, dataIndex: 'address', key: 'address', ellipsis: true },
    { title: S.schedule.col.caregiver, key: 'caregiver', width: 100, render: (_v, r) => r.staffName ?? <Tag color="red">{S.schedule.unassigned}</Tag> },
    { title: S.schedule.col.items, key: 'items', width: 180, render: (_v, r) => r.itemNames.join('、') },
    {
      title: S.schedule.col.conflict,
      key: 'conflict',
      width: 150,
      render: (_v, r) =>
        (conflictOf.get(r.id) ?? []).map((k, i) => (
          <Tag key={i} color="red">
            {k}
          </Tag>
        )),
    },
  ];
  return (
    <>
      <ErrorAlert error={q.error ?? error} />
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <Button type="primary" onClick={() => setSuggestOpen(true)}>
          {S.schedule.suggest}
        </Button>
        <DateInput value={date} onChange={setDate} aria-label={S.schedule.date} />
        <Select<number | 'none' | null>
          aria-label={S.schedule.caregiver}
          style={{ width: 140 }}
          value={staff}
          onChange={setStaff}
          options={[
            { value: null, label: S.schedule.allCaregivers },
            { value: 'none', label: S.schedule.unassigned },
            ...caregivers.map(([id, name]) => ({ value: id, label: name })),
          ]}
        />
        <Input.Search
          allowClear
          placeholder={S.schedule.search}
          aria-label={S.schedule.search}
          style={{ width: 220 }}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <Button disabled={!date} onClick={() => dayList('pdf')} title={S.schedule.dayHint}>
          {S.schedule.pdf}
        </Button>
        <Button disabled={!date} onClick={() => dayList('xlsx')} title={S.schedule.dayHint}>
          {S.schedule.xlsx}
        </Button>
      </Flex>
      {view && (
        <Alert
          style={{ marginBottom: 12 }}
          type={view.conflicts.length ? 'warning' : 'success'}
          showIcon
          title={S.schedule.conflictsTitle(view.conflicts.length)}
          description={
            view.conflicts.length > 0 && (
              <List
                size="small"
                aria-label={S.schedule.conflicts}
                data-testid="plan-conflicts"
                dataSource={view.conflicts.slice(0, 100)}
                renderItem={(c) => (
                  <List.Item>
                    <Tag color="red">{CONFLICT_NAMES[c.kind]}</Tag>
                    {c.message}
                  </List.Item>
                )}
              />
            )
          }
        />
      )}
      <Table<Visit>
        rowKey="id"
        size="small"
        loading={q.isLoading}
        columns={columns}
        dataSource={rows}
        pagination={PAGER}
        locale={{ emptyText: S.schedule.empty }}
        data-testid="plan-visits"
      />
      {suggestOpen && <SuggestDialog month={month} onClose={() => setSuggestOpen(false)} />}
    </>
  );
}

function SuggestDialog({ month, onClose }: { month: string; onClose: () => void }) {
  const job = useJob();
  const save = useApiMutation('plans.saveSchedule');
  const { message } = App.useApp();
  const [result, setResult] = useState<ScheduleSuggestion | null>(null);
  const run = async () => {
    setResult(null);
    const s = await job.run(() => call('plans.suggest', { month }));
    if (s) setResult(s.result as ScheduleSuggestion);
  };
  const accept = async () => {
    if (!result) return;
    await save.mutateAsync({ month: result.month, from: result.from, visits: result.visits });
    void message.success(S.suggest.accepted);
    onClose();
  };
  return (
    <Modal open title={`${S.suggest.title}（${month}）`} width={720} footer={null} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph type="secondary">{S.suggest.hint}</Typography.Paragraph>
      <Button type="primary" loading={job.running} onClick={() => void run()}>
        {S.suggest.run}
      </Button>
      {job.running && <JobProgress status={job.status} testId="plan-suggest-progress" />}
      <ErrorAlert error={job.error ?? save.error} />
      {result && (
        <div data-testid="plan-suggestion" style={{ marginTop: 12 }}>
          <Alert
            type={result.unmet.length ? 'warning' : 'success'}
            showIcon
            title={S.suggest.summary(result.met, result.demand, result.seconds)}
            description={S.suggest.replaces(result.from, result.solver)}
          />
          {result.unmet.length > 0 && (
            <List
              size="small"
              header={S.suggest.unmet}
              aria-label={S.suggest.unmet}
              dataSource={result.unmet.slice(0, 50)}
              renderItem={(u) => <List.Item>{u}</List.Item>}
            />
          )}
          <Button type="primary" style={{ marginTop: 12 }} loading={save.isPending} disabled={result.visits.length === 0} onClick={() => void accept()}>
            {S.suggest.accept}
          </Button>
        </div>
      )}
    </Modal>
  );
}
