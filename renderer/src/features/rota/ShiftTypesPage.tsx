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

const CERTS = Object.entries(CERTIFICATE_NAMES).map(([value, label]) => ({ value, label }));
const WHY = {
  minRestHours: '产品默认值：我国法律未规定两班间最少休息；11 小时取自欧盟工作时间指令的每日休息',
  maxConsecutiveDays: '劳动法第三十八条：每周至少休息一日',
  maxWeeklyHours: '劳动法第三十六条：平均每周不超过44小时（标准工时制为40小时）',
};

function ShiftForm({ initial, onDone }: { initial: Partial<ShiftType> | null; onDone: () => void }) {
  const save = useApiMutation('rota.saveShiftType');
  const [form] = Form.useForm<ShiftTypeInput>();
  const kind = Form.useWatch('kind', form);
  return (
    <Modal open={!!initial} title={initial?.id ? `编辑班次：${initial.name}` : '新增班次'} okText="保存" cancelText="取消" confirmLoading={save.isPending} onCancel={onDone} onOk={() => form.submit()} destroyOnHidden>
      <ErrorAlert error={save.error} />
      <Form
        form={form}
        layout="vertical"
        aria-label="班次表单"
        initialValues={{ kind: 'work', paidMinutes: 480, color: '#91caff', sort: 10, ...initial }}
        onFinish={(v) => save.mutate({ ...v, ...(initial?.id ? { id: initial.id } : {}), start: v.start || null, end: v.end || null, perSevere: v.perSevere ?? null, perOther: v.perOther ?? null, post: v.post ?? null }, { onSuccess: onDone })}
      >
        <Form.Item name="name" label="班次名称" rules={[{ required: true, message: '请填写班次名称' }]}>
          <Input maxLength={10} />
        </Form.Item>
        <Form.Item name="key" label="快捷键（一个字母）" rules={[{ required: true, pattern: /^[A-Za-z0-9]$/, message: '一个字母或数字' }]}>
          <Input maxLength={1} style={{ width: 80 }} />
        </Form.Item>
        <Form.Item name="kind" label="类别">
          <Select options={Object.entries(SHIFT_KIND_NAMES).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        {kind === 'work' && (
          <>
            <Form.Item name="start" label="上班时间（HH:mm）" rules={[{ required: true, pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: '例如 07:00' }]}>
              <Input style={{ width: 100 }} />
            </Form.Item>
            <Form.Item name="end" label="下班时间（早于上班时间即为次日）" rules={[{ required: true, pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: '例如 15:00' }]}>
              <Input style={{ width: 100 }} />
            </Form.Item>
            <Form.Item name="paidMinutes" label="计薪时长（分钟）">
              <InputNumber min={0} max={1440} />
            </Form.Item>
            <Form.Item name="post" label="岗位" rules={[{ required: true, message: '请选择岗位' }]}>
              <Select options={Object.entries(POST_NAMES).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
            <Form.Item name="perSevere" label="配比：每人照护重度失能（3–5级）人数（空：不计）">
              <InputNumber min={1} max={500} />
            </Form.Item>
            <Form.Item name="perOther" label="配比：每人照护其他对象人数（空：不计）">
              <InputNumber min={1} max={500} />
            </Form.Item>
          </>
        )}
        <Form.Item name="color" label="颜色（#rrggbb）" rules={[{ required: true, pattern: /^#[0-9a-fA-F]{6}$/, message: '例如 #91caff' }]}>
          <Input style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="sort" label="排序">
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
    <Form layout="vertical" aria-label="排班规则表单" initialValues={rules} onFinish={(v: RotaRules) => save.mutate(v, { onSuccess: () => void message.success('已保存') })} style={{ maxWidth: 560 }}>
      <ErrorAlert error={save.error} />
      {(['minRestHours', 'maxConsecutiveDays', 'maxWeeklyHours'] as const).map((k) => (
        <Form.Item key={k} name={k} label={{ minRestHours: '两班间最少休息（小时）', maxConsecutiveDays: '最多连续上班天数', maxWeeklyHours: '每周最多工时（小时）' }[k]} extra={`默认 ${defaults[k]}。${WHY[k]}`}>
          <InputNumber min={0} max={168} />
        </Form.Item>
      ))}
      {(['nurse', 'caregiver', 'other'] as const).map((p) => (
        <Form.Item key={p} name={['postCertificates', p]} label={`${POST_NAMES[p]}岗所需证书（持其一即可）`} extra={p === 'nurse' ? '同结算规则：医疗护理须护士执业证书' : p === 'caregiver' ? '同结算规则：生活照护须照护师或养老护理员证书，或护士执业证书' : undefined}>
          <Select mode="multiple" options={CERTS} />
        </Form.Item>
      ))}
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        保存规则
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
      <PageHeader title="班次" subtitle="班次、岗位与配比（应配人数），以及排班检查的规则" extra={<Button type="primary" onClick={() => setEditing({})}>新增班次</Button>} />
      <ErrorAlert error={types.error ?? remove.error} />
      <Table<ShiftType>
        rowKey="id"
        size="small"
        aria-label="班次列表"
        loading={types.isLoading}
        dataSource={types.data ?? []}
        pagination={false}
        columns={[
          { title: '班次', key: 'name', render: (_v, t) => <Tag color={t.color} style={{ color: '#000' }}>{t.name}</Tag> },
          { title: '快捷键', dataIndex: 'key' },
          { title: '类别', key: 'kind', render: (_v, t) => SHIFT_KIND_NAMES[t.kind] },
          { title: '时间', key: 'time', render: (_v, t) => (t.start ? `${t.start}–${t.end}${t.end! <= t.start ? '（次日）' : ''}` : '—') },
          { title: '计薪（小时）', key: 'paid', render: (_v, t) => t.paidMinutes / 60 },
          { title: '岗位', key: 'post', render: (_v, t) => (t.post ? POST_NAMES[t.post] : '—') },
          { title: '配比（重度 / 其他）', key: 'ratio', render: (_v, t) => (t.perSevere || t.perOther ? `1:${t.perSevere ?? '—'} / 1:${t.perOther ?? '—'}` : '—') },
          {
            title: '操作',
            key: 'ops',
            render: (_v, t) => (
              <>
                <Button type="link" aria-label={`编辑 ${t.name}`} onClick={() => setEditing(t)}>
                  编辑
                </Button>
                <Button type="link" danger aria-label={`删除 ${t.name}`} onClick={() => remove.mutate({ id: t.id })}>
                  删除
                </Button>
              </>
            ),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        配比为产品默认值（非法规）：常见省级养老机构标准约为护理员与重度失能老人 1:3–1:4（全员），分到各班约为白天 1:5、夜间 1:10。请按本机构实际修改。
      </Typography.Paragraph>
      <Card style={{ marginTop: 16 }}>
        <SectionTitle>排班规则</SectionTitle>
        {rules.data && <RulesForm rules={rules.data.rules} defaults={rules.data.defaults} />}
      </Card>
      <ShiftForm key={editing ? (editing.id ?? 'new') : 'closed'} initial={editing} onDone={() => setEditing(null)} />
    </>
  );
}
