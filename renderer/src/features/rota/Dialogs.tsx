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
    <Modal open={open} title={S.reasonTitle} okText="确定" cancelText="取消" onOk={ok} onCancel={onCancel} destroyOnHidden>
      <Typography.Paragraph>{S.reasonHint}（{count} 格）</Typography.Paragraph>
      <Form layout="vertical" aria-label="调班原因表单" onFinish={ok}>
        <Form.Item label={S.reasonLabel} htmlFor="rota-reason" validateStatus={tried && !reason.trim() ? 'error' : ''} help={tried && !reason.trim() ? S.reasonRequired : undefined}>
          <Input id="rota-reason" value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function PublishDialog({ open, month, onOk, onCancel }: { open: boolean; month: string; onOk: (by: string) => void; onCancel: () => void }) {
  const [by, setBy] = useState('');
  return (
    <Modal open={open} title={`${S.publishTitle}（${month}）`} okText="发布" cancelText="取消" okButtonProps={{ disabled: !by.trim() }} onOk={() => onOk(by.trim())} onCancel={onCancel} destroyOnHidden>
      <Typography.Paragraph>{S.publishHint}</Typography.Paragraph>
      <Form layout="vertical" aria-label="发布表单">
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

export function PatternDialog(props: { open: boolean; staff: readonly RotaStaff[]; types: readonly ShiftType[]; from: string; to: string; onOk: (c: PatternChoice) => void; onCancel: () => void }) {
  const { open, staff, types, from, to, onOk, onCancel } = props;
  const [text, setText] = useState('早早中中夜夜休休');
  const [ids, setIds] = useState<number[]>([]);
  const [start, setStart] = useState<string | null>(from);
  const [end, setEnd] = useState<string | null>(to);
  const [stagger, setStagger] = useState(2);
  const parsed = parsePattern(text, types);
  const ready = parsed.ok && ids.length > 0 && !!start && !!end && start >= from && end <= to && start <= end;
  return (
    <Modal open={open} title={S.pattern} okText="套用" cancelText="取消" okButtonProps={{ disabled: !ready }} onOk={() => parsed.ok && start && end && onOk({ shifts: parsed.shifts, staffIds: ids, start, end, stagger })} onCancel={onCancel} destroyOnHidden>
      <Form layout="vertical" aria-label="轮班规律表单">
        <Form.Item label="规律（每天一个班次）" htmlFor="rota-pattern" validateStatus={parsed.ok ? '' : 'error'} help={parsed.ok ? `${parsed.shifts.length} 天一轮：${parsed.shifts.map((s) => s.name).join(' ')}` : parsed.message}>
          <Input id="rota-pattern" value={text} onChange={(e) => setText(e.target.value)} />
        </Form.Item>
        <Form.Item label="员工" htmlFor="rota-pattern-staff">
          <Select id="rota-pattern-staff" mode="multiple" value={ids} onChange={setIds} options={staff.map((s) => ({ value: s.id, label: `${s.name}（${s.ref}）` }))} optionFilterProp="label" />
        </Form.Item>
        <Form.Item label="从">
          <DateInput value={start} onChange={setStart} aria-label="开始日期" />
        </Form.Item>
        <Form.Item label="到">
          <DateInput value={end} onChange={setEnd} aria-label="结束日期" />
        </Form.Item>
        <Form.Item label="每人错开天数" htmlFor="rota-stagger" help="第 2 人从规律的第 1+n 天开始，依此类推，使各班都有人">
          <InputNumber id="rota-stagger" min={0} max={31} value={stagger} onChange={(v) => setStagger(v ?? 0)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
