/** The small dialogs of the rota screen: 调班原因 (after 发布), 发布, 轮班规律. */
import { Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { parsePattern } from '../../../../shared/rota/edits';
import type { RotaStaff, ShiftType } from '../../../../shared/rota/types';
import { DateInput } from '../../ui/DateInput';
import { S } from './strings';

export function ReasonDialog({ open, count, onOk, onCancel }: { open: boolean; count: number; onOk: (reason: string) => void; onCancel: () => void }) {
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const ok = () => {
    setTried(true);
    if (reason.trim()) {
      onOk(reason.trim());
      setReason('');
      setTried(false);
    }
  };
  return (
    <Modal open={open} title={S.reasonTitle} okText={S.ok} cancelText={S.cancel} onOk={ok} onCancel={onCancel} destroyOnHidden>
      <Typography.Paragraph>{S.reasonHint(count)}</Typography.Paragraph>
      <Form layout="vertical" aria-label={S.reasonForm} onFinish={ok}>
        <Form.Item
          label={S.reasonLabel}
          htmlFor="rota-reason"
          validateStatus={tried && !reason.trim() ? 'error' : ''}
          help={tried && !reason.trim() ? S.reasonRequired : undefined}
        >
          <Input id="rota-reason" value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function PublishDialog({ open, month, onOk, onCancel }: { open: boolean; month: string; onOk: (by: string) => void; onCancel: () => void }) {
  const [by, setBy] = useState('');
  return (
    <Modal
      open={open}
      title={`${S.publishTitle}（${month}）`}
      okText={S.publish}
      cancelText={S.cancel}
      okButtonProps={{ disabled: !by.trim() }}
      onOk={() => onOk(by.trim())}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Typography.Paragraph>{S.publishHint}</Typography.Paragraph>
      <Form layout="vertical" aria-label={S.publishForm}>
        <Form.Item label={S.publishBy} htmlFor="rota-publish-by">
          <Input id="rota-publish-by" value={by} maxLength={50} onChange={(e) => setBy(e.target.value)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export interface PatternChoice {
  shifts: ShiftType[];
  staffIds: number[];
  start: string;
  end: string;
  stagger: number;
}

const P = S.patternDialog;

export function PatternDialog(props: {
  open: boolean;
  staff: readonly RotaStaff[];
  types: readonly ShiftType[];
  from: string;
  to: string;
  onOk: (c: PatternChoice) => void;
  onCancel: () => void;
}) {
  const { open, staff, types, from, to, onOk, onCancel } = props;
  const [text, setText] = useState<string>(P.example);
  const [ids, setIds] = useState<number[]>([]);
  const [start, setStart] = useState<string | null>(from);
  const [end, setEnd] = useState<string | null>(to);
  const [stagger, setStagger] = useState(2);
  const parsed = parsePattern(text, types);
  const ready = parsed.ok && ids.length > 0 && !!start && !!end && start >= from && end <= to && start <= end;
  return (
    <Modal
      open={open}
      title={S.pattern}
      okText={P.apply}
      cancelText={S.cancel}
      okButtonProps={{ disabled: !ready }}
      onOk={() => parsed.ok && start && end && onOk({ shifts: parsed.shifts, staffIds: ids, start, end, stagger })}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Form layout="vertical" aria-label={P.label}>
        <Form.Item
          label={P.rule}
          htmlFor="rota-pattern"
          validateStatus={parsed.ok ? '' : 'error'}
          help={parsed.ok ? P.cycle(parsed.shifts.length, parsed.shifts.map((s) => s.name).join(' ')) : parsed.message}
        >
          <Input id="rota-pattern" value={text} onChange={(e) => setText(e.target.value)} />
        </Form.Item>
        <Form.Item label={P.staff} htmlFor="rota-pattern-staff">
          <Select
            id="rota-pattern-staff"
            mode="multiple"
            value={ids}
            onChange={setIds}
            options={staff.map((s) => ({ value: s.id, label: `${s.name}（${s.ref}）` }))}
            optionFilterProp="label"
          />
        </Form.Item>
        <Form.Item label={P.from}>
          <DateInput value={start} onChange={setStart} aria-label={P.fromLabel} />
        </Form.Item>
        <Form.Item label={P.to}>
          <DateInput value={end} onChange={setEnd} aria-label={P.toLabel} />
        </Form.Item>
        <Form.Item label={P.stagger} htmlFor="rota-stagger" help={P.staggerHint}>
          <InputNumber id="rota-stagger" min={0} max={31} value={stagger} onChange={(v) => setStagger(v ?? 0)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
