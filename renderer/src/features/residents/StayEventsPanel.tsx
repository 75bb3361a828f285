/**
 * 入住记录: the dated events day statuses are derived from. Each one is judged by the services against
 * the stay rules; a refused one shows the rule's Chinese reason and nothing is saved. An institutional
 * admission picks its bed from the beds free on that day (occupancy is derived, never typed).
 */
import { Alert, Form, Input, Radio, Select } from 'antd';
import type { TableProps } from 'antd';
import { useState } from 'react';
import type { ResidentDetail, StayEventView } from '../../../../shared/api/residents';
import { STAY_EVENT_NAMES } from '../../../../shared/domain/glossary';
import { STAY_EVENT_TYPES, type CareMode, type StayEventType } from '../../../../shared/domain/model';
import { stayEventNotYet } from '../../../../shared/domain/notYet';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { DateInput } from '../../ui/DateInput';
import { todayLocal } from '../../ui/dates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { deleteColumn, RecordsPanel } from './RecordsPanel';
import { E, modeName, S } from './strings';
import { isLocked, useCorrection } from './useCorrection';

interface FormValues {
  type: StayEventType;
  date: string;
  mode?: CareMode;
  bed?: string;
  note?: string;
}

function BedSelect({ date, value, onChange, id }: { date: string | null; value?: string; onChange?: (v: string | undefined) => void; id?: string }) {
  const free = useApiQuery('beds.free', { date: date ?? '2000-01-01' }, { enabled: date !== null });
  const options = (free.data ?? []).map((b) => ({ value: b.code, label: [b.code, b.room && E.room(b.room)].filter(Boolean).join(' · ') }));
  return (
    <Select
      id={id}
      allowClear
      showSearch
      value={value}
      onChange={onChange}
      options={options}
      loading={free.isFetching}
      placeholder={E.bedPlaceholder}
      notFoundContent={E.noFreeBeds}
      style={{ width: 280 }}
    />
  );
}

export function StayEventsPanel({ resident, onMessage }: { resident: ResidentDetail; onMessage: (text: string) => void }) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<FormValues>();
  const add = useApiMutation('residents.addEvent');
  const remove = useApiMutation('residents.deleteEvent');
  const { send, modal } = useCorrection();
  const type = Form.useWatch('type', form);
  const mode = Form.useWatch('mode', form);
  const date = Form.useWatch('date', form);

  const onFinish = (v: FormValues) => {
    const admit = v.type === 'admit';
    void send(
      add.mutateAsync,
      {
        residentId: resident.id,
        type: v.type,
        date: v.date,
        ...(admit && v.mode ? { mode: v.mode } : {}),
        ...(admit && v.mode === 'institutional' && v.bed ? { bed: v.bed } : {}),
        ...(v.note?.trim() ? { note: v.note } : {}),
      },
      () => {
        onMessage(E.saved);
        setOpen(false);
        form.resetFields();
      },
    );
  };

  const columns: TableProps<StayEventView>['columns'] = [
    { title: E.date, dataIndex: 'date', key: 'date', width: 120 },
    { title: E.type, dataIndex: 'type', key: 'type', width: 110, render: (t: StayEventType) => STAY_EVENT_NAMES[t] },
    { title: E.mode, dataIndex: 'mode', key: 'mode', render: (m: CareMode | null) => (m ? modeName(m) : '') },
    { title: E.bed, dataIndex: 'bed', key: 'bed', render: (b: string | null) => b ?? '' },
    { title: E.note, dataIndex: 'note', key: 'note', render: (n: string | null) => n ?? '' },
    deleteColumn<StayEventView>({
      title: E.actions,
      confirm: (e) => E.deleteConfirm(STAY_EVENT_NAMES[e.type], e.date),
      label: (e) => E.deleteLabel(e.date, STAY_EVENT_NAMES[e.type]),
      onDelete: (e) => void send(remove.mutateAsync, { id: e.id }, () => onMessage(E.deleted)),
    }),
  ];

  return (
    <RecordsPanel<StayEventView>
      addLabel={E.add}
      onAdd={() => setOpen(true)}
      rule={E.rule}
      notes={
        resident.timelineProblems.length > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={E.problems}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {resident.timelineProblems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            }
          />
        )
      }
      removeError={remove.error}
      list={{ label: E.listLabel, empty: E.empty, columns, rows: resident.events }}
      correction={modal}
      dialog={{
        open,
        title: E.title,
        okText: E.save,
        saving: add.isPending,
        onOk: () => form.submit(),
        onCancel: () => {
          setOpen(false);
          add.reset();
        },
        form: (
          <Form form={form} layout="vertical" onFinish={onFinish} aria-label={E.formLabel} requiredMark initialValues={{ mode: 'institutional' }}>
            <Form.Item label={E.type} name="type" rules={[{ required: true, message: S.pick(E.type) }]}>
              <Select options={STAY_EVENT_TYPES.map((t) => ({ value: t, label: STAY_EVENT_NAMES[t] }))} style={{ width: 200 }} />
            </Form.Item>
            <Form.Item
              label={E.date}
              name="date"
              dependencies={['type']}
              rules={[
                { required: true, message: S.pick(E.date) },
                // the services refuse it too; said here at once, in their words
                ({ getFieldValue }) => ({
                  validator: (_r, v: string | null) => {
                    const notYet = v ? stayEventNotYet((getFieldValue('type') as StayEventType | undefined) ?? 'admit', v, todayLocal()) : null;
                    return notYet ? Promise.reject(new Error(notYet)) : Promise.resolve();
                  },
                }),
              ]}
            >
              <DateInput />
            </Form.Item>
            {type === 'admit' && (
              <Form.Item label={E.mode} name="mode" rules={[{ required: true, message: S.pick(E.mode) }]}>
                <Radio.Group
                  options={[
                    { value: 'institutional', label: modeName('institutional') },
                    { value: 'home', label: modeName('home') },
                  ]}
                />
              </Form.Item>
            )}
            {type === 'admit' && mode === 'institutional' && (
              <Form.Item label={E.bed} name="bed">
                <BedSelect date={date ?? null} />
              </Form.Item>
            )}
            <Form.Item label={E.note} name="note">
              <Input maxLength={200} />
            </Form.Item>
            {!isLocked(add.error) && <ErrorAlert error={add.error} />}
          </Form>
        ),
      }}
    />
  );
}
