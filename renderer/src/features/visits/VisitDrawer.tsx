/**
 * 新增/编辑上门服务记录: a drawer beside the list. The claim's verdict is shown while the visit is typed
 * (visits.check, debounced); a visit with errors may still be saved, and the save button says it will
 * not be paid. A visit that cannot be saved at all (end before start, a start after today) says so
 * once, in the check panel, and the save button waits until it is fixed. Every field has a label
 * tied to its input, so the form works from the keyboard alone.
 *
 * One drawer instance is one opening: the list mounts it with a new key each time (VisitsPage), so the
 * form and the save/delete state start fresh without an effect resetting them. Such an effect once ran
 * again when a save's refetch brought the visit back, reset the save in flight and so dropped its
 * onSuccess: the edit was saved, but no 已保存 and the drawer stayed open.
 */
import { keepPreviousData } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Flex, Form, Input, InputNumber, Popconfirm, Skeleton, Space, Switch, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo } from 'react';
import type { VisitCatalogue, VisitDetail, VisitDraft, VisitInput } from '../../../../shared/api/visits';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { DateTimeInput } from '../../ui/DateInput';
import { fromWire, toWire } from './dateTime';
import { ItemSelect } from './ItemSelect';
import { PersonSelect } from './PersonSelect';
import { S } from './strings';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useDebounced } from '../../ui/useDebounced';
import { VisitCheckPanel } from './VisitCheckPanel';

interface FormValues {
  residentId?: number;
  staffId?: number;
  start?: Dayjs | null;
  end?: Dayjs | null;
  items?: string[];
  confirmed?: boolean;
  inLat?: number | null;
  inLng?: number | null;
  outLat?: number | null;
  outLng?: number | null;
  note?: string;
  correctionReason?: string;
}

const PLACES = [
  ['inLat', S.form.inLat, 90],
  ['inLng', S.form.inLng, 180],
  ['outLat', S.form.outLat, 90],
  ['outLng', S.form.outLng, 180],
] as const;

const FIELDS = new Set(['residentId', 'staffId', 'start', 'end', 'items', 'correctionReason']);

const point = (lat: number | null | undefined, lng: number | null | undefined) => (lat != null && lng != null ? { lat, lng } : null);

const NEW_VISIT: FormValues = { confirmed: false, items: [] };

function valuesOf(v: VisitDetail): FormValues {
  return {
    residentId: v.residentId,
    staffId: v.staffId,
    start: fromWire(v.start) ?? null,
    end: fromWire(v.end) ?? null,
    items: v.items.map((i) => i.code),
    confirmed: v.confirmed,
    inLat: v.checkIn?.lat ?? null,
    inLng: v.checkIn?.lng ?? null,
    outLat: v.checkOut?.lat ?? null,
    outLng: v.checkOut?.lng ?? null,
    note: v.note ?? '',
    correctionReason: '',
  };
}

export function VisitDrawer({
  open,
  visitId,
  catalogue,
  onClose,
}: {
  open: boolean;
  visitId: number | null;
  catalogue: VisitCatalogue | null | undefined;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const detail = useApiQuery('visits.get', { id: visitId ?? 0 }, { enabled: open && visitId !== null });
  const save = useApiMutation('visits.save');
  const remove = useApiMutation('visits.delete');

  // The form starts from the stored visit once it has arrived; a later refetch (a save's) leaves what
  // is typed alone, as Form reads initialValues only when it mounts.
  const loaded = visitId !== null && detail.data?.id === visitId ? detail.data : undefined;
  const initial = useMemo(() => (visitId === null ? NEW_VISIT : loaded && valuesOf(loaded)), [visitId, loaded]);

  const watched = Form.useWatch([], form) as FormValues | undefined;
  const draft: VisitDraft = {
    ...(visitId !== null ? { id: visitId } : {}),
    ...(watched?.residentId ? { residentId: watched.residentId } : {}),
    ...(watched?.staffId ? { staffId: watched.staffId } : {}),
    ...(watched?.start ? { start: toWire(watched.start) } : {}),
    ...(watched?.end ? { end: toWire(watched.end) } : {}),
    items: watched?.items ?? [],
    confirmed: watched?.confirmed ?? false,
  };
  // Debounced as text: the draft is a new object on every render, its JSON only changes with the input.
  const draftKey = JSON.stringify(draft);
  const settledKey = useDebounced(draftKey, 300);
  const settled = useMemo(() => JSON.parse(settledKey) as VisitDraft, [settledKey]);
  const check = useApiQuery('visits.check', settled, { enabled: open, placeholderData: keepPreviousData });
  const result = check.data;
  const locked = !!result?.locked || !!detail.data?.locked;
  const hasErrors = !!result?.verdict?.issues.some((i) => i.severity === 'error');
  // What the check says stops saving, for the draft as it is now (not a check still on its way).
  const blocked = settledKey === draftKey && !check.isFetching && (result?.problems.length ?? 0) > 0;

  const onFinish = (v: FormValues) => {
    // Saved before the check answered: the services refuse it anyway; the panel says why.
    if (v.start && v.end && v.end.isBefore(v.start)) return;
    const input: VisitInput = {
      ...(visitId !== null ? { id: visitId } : {}),
      residentId: v.residentId!,
      staffId: v.staffId!,
      start: toWire(v.start)!,
      end: toWire(v.end)!,
      items: v.items ?? [],
      confirmed: !!v.confirmed,
      checkIn: point(v.inLat, v.inLng),
      checkOut: point(v.outLat, v.outLng),
      ...(v.note ? { note: v.note } : {}),
      ...(v.correctionReason ? { correctionReason: v.correctionReason } : {}),
    };
    save.mutate(input, {
      onSuccess: () => {
        void message.success(S.form.saved);
        onClose();
      },
      // The services name the field of each problem: show it under that field, in its words.
      onError: (e) => form.setFields(e.problems.filter((p) => FIELDS.has(p.path)).map((p) => ({ name: p.path as keyof FormValues, errors: [p.message] }))),
    });
  };

  const onDelete = () => {
    if (visitId === null) return;
    const reason = form.getFieldValue('correctionReason') as string | undefined;
    remove.mutate(
      { id: visitId, ...(reason ? { correctionReason: reason } : {}) },
      {
        onSuccess: () => {
          void message.success(S.form.deleted);
          onClose();
        },
      },
    );
  };

  const title = visitId === null ? S.form.titleNew : S.form.titleEdit(detail.data?.ref ?? '');
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={title}
      size={640}
      destroyOnHidden
      footer={
        <Flex justify="space-between">
          <Space>
            <Button type="primary" danger={hasErrors} disabled={blocked} onClick={() => form.submit()} loading={save.isPending}>
              {hasErrors ? S.form.saveAnyway : S.form.save}
            </Button>
            <Button onClick={onClose}>{S.form.cancel}</Button>
          </Space>
          {visitId !== null && (
            <Popconfirm title={S.form.deleteConfirm} okText={S.form.deleteOk} okButtonProps={{ danger: true }} cancelText={S.form.cancel} onConfirm={onDelete}>
              <Button danger loading={remove.isPending}>
                {S.form.delete}
              </Button>
            </Popconfirm>
          )}
        </Flex>
      }
    >
      {!initial ? (
        detail.error ? (
          <ErrorAlert error={detail.error} />
        ) : (
          <Skeleton active />
        )
      ) : (
        <Form form={form} initialValues={initial} layout="vertical" onFinish={onFinish} aria-label={S.form.label} requiredMark>
          <Form.Item label={S.form.resident} name="residentId" rules={[{ required: true, message: S.form.required(S.form.resident) }]}>
            <PersonSelect kind="resident" placeholder={S.form.pickResident} />
          </Form.Item>
          <Form.Item label={S.form.staff} name="staffId" rules={[{ required: true, message: S.form.required(S.form.staff) }]}>
            <PersonSelect kind="staff" placeholder={S.form.pickStaff} />
          </Form.Item>
          <Space size="large" wrap>
            <Form.Item label={S.form.start} name="start" rules={[{ required: true, message: S.form.timeRequired(S.form.start) }]}>
              <DateTimeInput />
            </Form.Item>
            <Form.Item label={S.form.end} name="end" rules={[{ required: true, message: S.form.timeRequired(S.form.end) }]}>
              <DateTimeInput />
            </Form.Item>
          </Space>
          <Form.Item label={S.form.items} name="items" rules={[{ required: true, type: 'array', min: 1, message: S.form.itemsRequired }]}>
            <ItemSelect catalogue={catalogue} />
          </Form.Item>
          <Form.Item label={S.form.confirmed} name="confirmed" valuePropName="checked">
            <Switch checkedChildren={S.form.confirmedOn} unCheckedChildren={S.form.confirmedOff} />
          </Form.Item>

          <VisitCheckPanel result={result} pending={check.isFetching || settledKey !== draftKey} />

          {locked && (
            <Form.Item
              label={S.form.correctionReason}
              name="correctionReason"
              extra={S.form.correctionHint}
              rules={[{ required: true, whitespace: true, message: S.form.correctionHint }]}
            >
              <Input maxLength={200} />
            </Form.Item>
          )}
          <Typography.Text type="secondary">{S.form.places}</Typography.Text>
          <Space size="middle" wrap align="start" style={{ marginTop: 8 }}>
            {PLACES.map(([name, label, max]) => (
              <Form.Item key={name} label={label} name={name}>
                <InputNumber min={-max} max={max} step={0.0001} style={{ width: 130 }} />
              </Form.Item>
            ))}
          </Space>
          <Form.Item label={S.form.note} name="note">
            <Input.TextArea maxLength={500} rows={2} showCount />
          </Form.Item>
          {(save.error ?? remove.error) && <Alert type="error" showIcon role="alert" title={(save.error ?? remove.error)!.message} />}
        </Form>
      )}
    </Drawer>
  );
}
