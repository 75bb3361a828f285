/**
 * 设置 › 班次: the shift types (name, key, times, paid hours, post, colour, staffing ratios) and the rota's
 * rules, each beside its default and where that number comes from.
 */
import { App, Button, Card, Form, Input, InputNumber, Modal, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ShiftTypeInput } from '../../../../shared/api/rota';
import { CERTIFICATE_NAMES } from '../../../../shared/domain/glossary';
import { POST_NAMES, SHIFT_KIND_NAMES } from '../../../../shared/rota/defaults';
import type { RotaRules, ShiftType } from '../../../../shared/rota/types';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageHeader } from '../../ui/PageHeader';
import { SectionTitle } from '../../ui/headings';
import { S } from './strings';

const CERTS = Object.entries(CERTIFICATE_NAMES).map(([value, label]) => ({ value, label }));
const F = S.shiftForm;
const R = S.rulesForm;
const T = S.shiftTypesPage;

function ShiftForm({ initial, onDone }: { initial: Partial<ShiftType> | null; onDone: () => void }) {
  const save = useApiMutation('rota.saveShiftType');
  const [form] = Form.useForm<ShiftTypeInput>();
  const kind = Form.useWatch('kind', form);
  return (
    <Modal
      open={!!initial}
      title={initial?.id ? F.titleEdit(initial.name ?? '') : F.titleNew}
      okText={F.save}
      cancelText={F.cancel}
      confirmLoading={save.isPending}
      onCancel={onDone}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <ErrorAlert error={save.error} />
      <Form
        form={form}
        layout="vertical"
        aria-label={F.label}
        initialValues={{ kind: 'work', paidMinutes: 480, color: '#91caff', sort: 10, ...initial }}
        onFinish={(v) =>
          save.mutate(
            {
              ...v,
              ...(initial?.id ? { id: initial.id } : {}),
              start: v.start || null,
              end: v.end || null,
              perSevere: v.perSevere ?? null,
              perOther: v.perOther ?? null,
              post: v.post ?? null,
            },
            { onSuccess: onDone },
          )
        }
      >
        <Form.Item name="name" label={F.name} rules={[{ required: true, message: F.nameRequired }]}>
          <Input maxLength={10} />
        </Form.Item>
        <Form.Item name="key" label={F.key} rules={[{ required: true, pattern: /^[A-Za-z0-9]$/, message: F.keyRule }]}>
          <Input maxLength={1} style={{ width: 80 }} />
        </Form.Item>
        <Form.Item name="kind" label={F.kind}>
          <Select options={Object.entries(SHIFT_KIND_NAMES).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        {kind === 'work' && (
          <>
            <Form.Item name="start" label={F.start} rules={[{ required: true, pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: F.startExample }]}>
              <Input style={{ width: 100 }} />
            </Form.Item>
            <Form.Item name="end" label={F.end} rules={[{ required: true, pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: F.endExample }]}>
              <Input style={{ width: 100 }} />
            </Form.Item>
            <Form.Item name="paidMinutes" label={F.paidMinutes}>
              <InputNumber min={0} max={1440} />
            </Form.Item>
            <Form.Item name="post" label={F.post} rules={[{ required: true, message: F.postRequired }]}>
              <Select options={Object.entries(POST_NAMES).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
            <Form.Item name="perSevere" label={F.perSevere}>
              <InputNumber min={1} max={500} />
            </Form.Item>
            <Form.Item name="perOther" label={F.perOther}>
              <InputNumber min={1} max={500} />
            </Form.Item>
          </>
        )}
        <Form.Item name="color" label={F.color} rules={[{ required: true, pattern: /^#[0-9a-fA-F]{6}$/, message: F.colorExample }]}>
          <Input style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="sort" label={F.sort}>
          <InputNumber min={0} max={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RulesForm({ rules, defaults }: { rules: RotaRules; defaults: RotaRules }) {
  const { message } = App.useApp();
  const save = useApiMutation('rota.saveRules');
  return (
    <Form
      layout="vertical"
      aria-label={R.label}
      initialValues={rules}
      onFinish={(v: RotaRules) => save.mutate(v, { onSuccess: () => void message.success(S.saved) })}
      style={{ maxWidth: 560 }}
    >
      <ErrorAlert error={save.error} />
      {(['minRestHours', 'maxConsecutiveDays', 'maxWeeklyHours'] as const).map((k) => (
        <Form.Item key={k} name={k} label={R.rule[k]} extra={R.byDefault(defaults[k], R.why[k])}>
          <InputNumber min={0} max={168} />
        </Form.Item>
      ))}
      {(['nurse', 'caregiver', 'other'] as const).map((p) => (
        <Form.Item
          key={p}
          name={['postCertificates', p]}
          label={R.postCertificates(POST_NAMES[p])}
          extra={p === 'nurse' ? R.nurseCertificates : p === 'caregiver' ? R.caregiverCertificates : undefined}
        >
          <Select mode="multiple" options={CERTS} />
        </Form.Item>
      ))}
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {R.save}
      </Button>
    </Form>
  );
}

export function ShiftTypesPage() {
  const types = useApiQuery('rota.shiftTypes', undefined);
  const rules = useApiQuery('rota.rules', undefined);
  const remove = useApiMutation('rota.deleteShiftType');
  const [editing, setEditing] = useState<Partial<ShiftType> | null>(null);
  return (
    <>
      <PageHeader
        title={T.title}
        subtitle={T.subtitle}
        extra={
          <Button type="primary" onClick={() => setEditing({})}>
            {T.add}
          </Button>
        }
      />
      <ErrorAlert error={types.error ?? remove.error} />
      <Table<ShiftType>
        rowKey="id"
        size="small"
        aria-label={T.list}
        loading={types.isLoading}
        dataSource={types.data ?? []}
        pagination={false}
        columns={[
          {
            title: T.col.name,
            key: 'name',
            render: (_v, t) => (
              <Tag color={t.color} style={{ color: '#000' }}>
                {t.name}
              </Tag>
            ),
          },
          { title: T.col.key, dataIndex: 'key' },
          { title: T.col.kind, key: 'kind', render: (_v, t) => SHIFT_KIND_NAMES[t.kind] },
          { title: T.col.time, key: 'time', render: (_v, t) => (t.start ? T.time(t.start, t.end!, t.end! <= t.start) : '—') },
          { title: T.col.paid, key: 'paid', render: (_v, t) => t.paidMinutes / 60 },
          { title: T.col.post, key: 'post', render: (_v, t) => (t.post ? POST_NAMES[t.post] : '—') },
          { title: T.col.ratio, key: 'ratio', render: (_v, t) => (t.perSevere || t.perOther ? `1:${t.perSevere ?? '—'} / 1:${t.perOther ?? '—'}` : '—') },
          {
            title: T.col.actions,
            key: 'ops',
            render: (_v, t) => (
              <>
                <Button type="link" aria-label={T.editLabel(t.name)} onClick={() => setEditing(t)}>
                  {T.edit}
                </Button>
                <Button type="link" danger aria-label={T.removeLabel(t.name)} onClick={() => remove.mutate({ id: t.id })}>
                  {T.remove}
                </Button>
              </>
            ),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {T.ratioNote}
      </Typography.Paragraph>
      <Card style={{ marginTop: 16 }}>
        <SectionTitle>{T.rules}</SectionTitle>
        {rules.data && <RulesForm rules={rules.data.rules} defaults={rules.data.defaults} />}
      </Card>
      <ShiftForm key={editing ? (editing.id ?? 'new') : 'closed'} initial={editing} onDone={() => setEditing(null)} />
    </>
  );
}
