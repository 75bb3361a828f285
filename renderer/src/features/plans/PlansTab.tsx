/**
 * The home clients and their plans: search and a filter, a plan's form (refused with the pack's rule and
 * the numbers when over the quota, nothing saved), delete, and 派单设置.
 */
import { App, Button, Checkbox, Flex, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { PlanInput, PlanRow, PlansView } from '../../../../shared/api/plans';
import { LEVEL_NAMES } from '../../../../shared/domain/glossary';
import type { PlanRules } from '../../../../shared/plans/types';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PAGER } from '../../ui/pagination';
import { S, WEEKDAYS } from './strings';

type Filter = 'all' | 'with' | 'without' | 'problems';

export const planDays = (days: number[]) => (days.length ? days.map((d) => WEEKDAYS[d - 1]).join('、') : S.anyDay);

export function PlansTab() {
  const navigate = useNavigate();
  const q = useApiQuery('plans.list', undefined);
  const [search, setSearch] = useState('');
  const [filter, setFilter] = useState<Filter>('all');
  const [editing, setEditing] = useState<PlanRow | null>(null);
  const [rulesOpen, setRulesOpen] = useState(false);
  const remove = useApiMutation('plans.delete');
  const { message } = App.useApp();
  const view = q.data;
  const staffName = useMemo(() => new Map(view?.caregivers.map((c) => [c.id, c.name]) ?? []), [view]);
  const rows = useMemo(() => {
    const s = search.trim();
    return (view?.rows ?? []).filter(
      (r) =>
        (filter === 'all' || (filter === 'problems' ? r.problems.length > 0 : (filter === 'with') === !!r.plan)) &&
        (!s || r.name.includes(s) || r.ref.includes(s) || (r.address ?? '').includes(s)),
    );
  }, [view, search, filter]);

  const columns: TableProps<PlanRow>['columns'] = [
    { title: S.col.ref, dataIndex: 'ref', key: 'ref', width: 110 },
    { title: S.col.name, dataIndex: 'name', key: 'name', width: 100 },
    { title: S.col.address, dataIndex: 'address', key: 'address', ellipsis: true },
    { title: S.col.level, key: 'level', width: 130, render: (_v, r) => (r.level === null ? '—' : S.level(r.level, LEVEL_NAMES[r.level])) },
    { title: S.col.limit, dataIndex: 'limit', key: 'limit', width: 170, render: (v: string | null) => v ?? '—' },
    {
      title: S.col.plan,
      key: 'plan',
      render: (_v, r) =>
        r.plan ? (
          <>
            {S.planText(r.plan.visitsPerWeek, r.plan.minutes, planDays(r.plan.days), r.plan.windowStart, r.plan.windowEnd)}
            {r.problems.map((p, i) => (
              <Typography.Text key={i} type="danger" style={{ display: 'block' }}>
                {p}
              </Typography.Text>
            ))}
          </>
        ) : (
          <Typography.Text type="secondary">{S.noPlan}</Typography.Text>
        ),
    },
    {
      title: S.col.preferred,
      key: 'preferred',
      width: 100,
      render: (_v, r) => (r.plan?.preferredStaffId ? (staffName.get(r.plan.preferredStaffId) ?? '—') : '—'),
    },
    {
      title: S.col.actions,
      key: 'actions',
      width: 150,
      render: (_v, r) => (
        <Space size={4}>
          <Button size="small" type="link" onClick={() => setEditing(r)} aria-label={`${r.plan ? S.edit : S.create}：${r.name}`}>
            {r.plan ? S.edit : S.create}
          </Button>
          {r.plan && (
            <Popconfirm
              title={S.removeConfirm(r.name)}
              okText={S.remove}
              cancelText={S.form.cancel}
              onConfirm={() => remove.mutateAsync({ residentId: r.residentId }).then(() => void message.success(S.removed(r.name)))}
            >
              <Button size="small" type="link" danger aria-label={`${S.remove}：${r.name}`}>
                {S.remove}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  // no institution or policy pack yet: say what to do first, as the other empty screens do
  if (q.error && !view && q.error.message.includes(S.noInstitutionError)) {
    return (
      <EmptyState
        title={S.noInstitutionTitle}
        hint={q.error.message}
        actions={[{ label: S.noInstitutionAction, primary: true, onClick: () => void navigate('/settings/institution') }]}
      />
    );
  }
  return (
    <>
      <ErrorAlert error={q.error ?? remove.error} />
      {view && view.rows.length === 0 ? (
        <EmptyState
          title={S.emptyTitle}
          hint={S.emptyHint}
          actions={[{ label: S.emptyAction, primary: true, onClick: () => void navigate('/residents/new') }]}
        />
      ) : (
        <>
          <Flex gap={8} wrap style={{ marginBottom: 12 }}>
            <Input.Search
              allowClear
              placeholder={S.search}
              aria-label={S.search}
              style={{ width: 260 }}
              value={search}
              onChange={(e) => setSearch(e.target.value)}
            />
            <Select<Filter>
              aria-label={S.filterLabel}
              value={filter}
              style={{ width: 140 }}
              onChange={setFilter}
              options={(['all', 'with', 'without', 'problems'] as const).map((k) => ({ value: k, label: S.filter[k] }))}
            />
            <div style={{ flex: 1 }} />
            <Button onClick={() => setRulesOpen(true)} disabled={!view}>
              {S.rules}
            </Button>
          </Flex>
          <Table<PlanRow>
            rowKey="residentId"
            size="small"
            loading={q.isLoading}
            columns={columns}
            dataSource={rows}
            pagination={PAGER}
            data-testid="plans-table"
          />
        </>
      )}
      {view && editing && <PlanDialog row={editing} view={view} onClose={() => setEditing(null)} />}
      {view && rulesOpen && <RulesDialog rules={view.rules} onClose={() => setRulesOpen(false)} />}
    </>
  );
}

interface PlanForm {
  items: string[];
  visitsPerWeek: number;
  minutes: number;
  days: number[];
  windowStart: string;
  windowEnd: string;
  preferredStaffId: number | null;
  excludedStaffIds: number[];
  note?: string;
}

function PlanDialog({ row, view, onClose }: { row: PlanRow; view: PlansView; onClose: () => void }) {
  const [form] = Form.useForm<PlanForm>();
  const save = useApiMutation('plans.save');
  const { message } = App.useApp();
  const p = row.plan;
  const initial: PlanForm = p
    ? {
        items: p.items,
        visitsPerWeek: p.visitsPerWeek,
        minutes: p.minutes,
        days: p.days,
        windowStart: p.windowStart,
        windowEnd: p.windowEnd,
        preferredStaffId: p.preferredStaffId,
        excludedStaffIds: p.excludedStaffIds,
        ...(p.note ? { note: p.note } : {}),
      }
    : { items: [], visitsPerWeek: 2, minutes: 60, days: [], windowStart: '08:00', windowEnd: '12:00', preferredStaffId: null, excludedStaffIds: [] };
  const submit = async (v: PlanForm) => {
    const input: PlanInput = {
      residentId: row.residentId,
      ...v,
      preferredStaffId: v.preferredStaffId ?? null,
      ...(v.note?.trim() ? { note: v.note.trim() } : {}),
    };
    if (!v.note?.trim()) delete input.note;
    try {
      await save.mutateAsync(input);
      void message.success(S.saved(row.name));
      onClose();
    } catch {
      // shown in the dialog (ErrorAlert): the rule and the numbers
    }
  };
  const staffOptions = view.caregivers.map((c) => ({ value: c.id, label: S.form.caregiver(c.name, c.nurse) }));
  const clock = [{ required: true, pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: S.form.clockHint }];
  return (
    <Modal
      open
      title={S.form.title(row.name)}
      width={640}
      onCancel={onClose}
      okText={S.form.save}
      cancelText={S.form.cancel}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {row.level === null ? S.form.noLevel : S.level(row.level, LEVEL_NAMES[row.level])}
        {row.limit ? S.form.limit(row.limit) : ''}
      </Typography.Paragraph>
      <Form<PlanForm> form={form} layout="vertical" initialValues={initial} onFinish={(v) => void submit(v)} aria-label={S.form.title(row.name)}>
        <Form.Item name="items" label={S.form.items} rules={[{ required: true, message: S.form.itemsRequired }]}>
          <Select
            mode="multiple"
            optionFilterProp="label"
            options={view.items.map((i) => ({ value: i.code, label: S.form.item(i.code, i.name, i.medical) }))}
          />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="visitsPerWeek" label={S.form.visitsPerWeek} rules={[{ required: true }]}>
            <InputNumber min={1} max={14} precision={0} />
          </Form.Item>
          <Form.Item name="minutes" label={S.form.minutes} rules={[{ required: true }]}>
            <InputNumber min={1} max={480} precision={0} />
          </Form.Item>
          <Form.Item name="windowStart" label={S.form.windowStart} rules={clock}>
            <Input style={{ width: 90 }} placeholder="08:00" />
          </Form.Item>
          <Form.Item name="windowEnd" label={S.form.windowEnd} rules={clock}>
            <Input style={{ width: 90 }} placeholder="12:00" />
          </Form.Item>
        </Flex>
        <Form.Item name="days" label={S.form.days}>
          <Checkbox.Group options={WEEKDAYS.map((w, i) => ({ value: i + 1, label: w }))} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="preferredStaffId" label={S.form.preferred} style={{ flex: 1 }}>
            <Select allowClear showSearch optionFilterProp="label" options={staffOptions} />
          </Form.Item>
          <Form.Item name="excludedStaffIds" label={S.form.excluded} style={{ flex: 1 }}>
            <Select mode="multiple" optionFilterProp="label" options={staffOptions} />
          </Form.Item>
        </Flex>
        <Form.Item name="note" label={S.form.note}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
      <ErrorAlert error={save.error} />
    </Modal>
  );
}

function RulesDialog({ rules, onClose }: { rules: PlanRules; onClose: () => void }) {
  const [form] = Form.useForm<PlanRules>();
  const save = useApiMutation('plans.saveRules');
  const keys = ['travelSameAreaMinutes', 'travelDefaultMinutes', 'maxVisitsPerDay', 'maxHoursPerDay', 'matchToleranceMinutes'] as const;
  return (
    <Modal
      open
      title={S.rules}
      onCancel={onClose}
      okText={S.form.save}
      cancelText={S.form.cancel}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{S.rulesForm.defaults}</Typography.Paragraph>
      <Form<PlanRules>
        form={form}
        layout="vertical"
        initialValues={rules}
        onFinish={(v) => void save.mutateAsync(v).then(onClose, () => undefined)}
        aria-label={S.rules}
      >
        {keys.map((k) => (
          <Form.Item key={k} name={k} label={S.rulesForm[k]} rules={[{ required: true }]}>
            <InputNumber
              min={k === 'maxVisitsPerDay' || k === 'maxHoursPerDay' ? 1 : 0}
              max={k === 'maxVisitsPerDay' ? 20 : k === 'maxHoursPerDay' ? 16 : 240}
            />
          </Form.Item>
        ))}
      </Form>
      <ErrorAlert error={save.error} />
    </Modal>
  );
}
